/** Subscribes a component to the moodboard run, so any screen shows the same run state. */
import { useEffect, useState } from 'preact/hooks';
import type { MoodboardRun, RunState } from './moodboard-run';

export function useRunState(run: MoodboardRun): RunState {
  const [state, setState] = useState(run.state);
  useEffect(() => run.subscribe(setState), [run]);
  return state;
}
