import type { RuleInfo } from '../../../shared/guidelines';
import { Icon } from '../../components/Icon';

interface RuleExplanationProps {
  rule: RuleInfo;
  showQuestion?: boolean;
  /** The level of its small headings, one below the heading it sits under. */
  headingLevel?: 4 | 5;
}

/** What a guideline asks, why it exists and how to meet it, with its further reading. */
export function RuleExplanation({ rule, showQuestion = true, headingLevel = 4 }: RuleExplanationProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="rule-explanation">
      {showQuestion && (
        <p className="rule-question">
          <span className="rule-label">The question: </span>
          {rule.question}
        </p>
      )}
      <Heading className="rule-label">Why it matters</Heading>
      <p className="rule-why">{rule.why}</p>
      <Heading className="rule-label">How to meet it</Heading>
      <ol className="rule-how">
        {rule.how.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {rule.links.length > 0 && (
        <>
          <Heading className="rule-label">Read more</Heading>
          <ul className="rule-links">
            {rule.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.title}
                  <Icon name="external" className="icon-inline" />
                  <span className="visually-hidden"> (opens in your browser)</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="rule-meta">
        {rule.category} · {rule.packName} {rule.packVersion}
      </p>
    </div>
  );
}
