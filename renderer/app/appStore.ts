import { create } from 'zustand';
import type { CallError } from '../../shared/contract';

interface AppStore {
  /** Set when the fieldbook itself cannot be used (locked, damaged, unreachable…). */
  storeProblem: CallError | null;
  reportStoreProblem(error: CallError): void;
}

export const useAppStore = create<AppStore>()((set, get) => ({
  storeProblem: null,
  reportStoreProblem(error) {
    if (get().storeProblem === null) set({ storeProblem: error });
  },
}));
