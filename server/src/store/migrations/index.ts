/** Every schema migration in order. Append new ones; never edit one that has shipped. */
import { initial } from './001-initial';
import { submitDetails } from './002-submit-details';
import { jobEventFeed } from './003-job-event-feed';
import { moodboards } from './007-moodboards';
import { recipeApprovals } from './009-recipe-approvals';
import { library } from './090-library';
import { trainings } from './091-trainings';
import { tokenChanges } from './092-token-changes';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [initial, submitDetails, jobEventFeed, moodboards, recipeApprovals, library, trainings, tokenChanges];
