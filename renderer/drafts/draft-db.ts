/** The drafts repository on the app's database (opened on first use: 起草 is loaded lazily). */
import { YanduDB } from '../db/schema';
import { DraftRepository } from './draft-repository';

let repo: DraftRepository | null = null;

export function draftRepository(): DraftRepository {
  repo ??= new DraftRepository(new YanduDB());
  return repo;
}
