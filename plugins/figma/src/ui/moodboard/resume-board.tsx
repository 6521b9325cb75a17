/**
 * The offer made when a moodboard on the page never finished filling (the plugin closed, Figma quit):
 * resume it (the server's finished images are placed, the rest followed) or cancel it on the server
 * (it keeps the images it has). Without a connection the board can only be finished on the canvas.
 */
import type { BoardSummary } from '../../protocol/board';
import { Banner } from '../components/basics';

interface Props {
  board: BoardSummary;
  connected: boolean;
  onResume(): void;
  onCancel(): void;
  onConnect(): void;
}

export function ResumeBoard({ board, connected, onResume, onCancel, onConnect }: Props) {
  return (
    <div class="resume-offer" role="region" aria-label="Unfinished moodboard">
      <Banner tone="warning">
        <b>“{board.title}”</b> stopped filling at {board.placed.length} of {board.total} images.
        <div class="row" style="margin-top:6px">
          {connected ? (
            <>
              <button class="button primary" onClick={onResume}>Resume</button>
              <button class="button" onClick={onCancel}>Cancel on server</button>
            </>
          ) : (
            <>
              <button class="button primary" onClick={onConnect}>Connect to resume</button>
              <button class="button" onClick={onCancel}>Finish as is</button>
            </>
          )}
        </div>
      </Banner>
    </div>
  );
}
