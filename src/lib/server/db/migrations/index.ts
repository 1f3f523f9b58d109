import type { Migration } from 'kysely';
import { playsAndAnswers } from './0001-plays-and-answers';
import { teachers } from './0002-teachers';
import { kiosks } from './0003-kiosks';
import { playOwners } from './0004-play-owners';
import { assignmentStudentCaps } from './0005-assignment-student-caps';
import { assignmentReveal } from './0006-assignment-reveal';
import { classArchiveAndKioskProfile } from './0007-class-archive-and-kiosk-profile';
import { jobRuns } from './0008-job-runs';
import { authored } from './0010-authored';
import { kioskArticles } from './0011-kiosk-articles';
import { sharedSets } from './0012-shared-sets';
import { authoredWithdrawn } from './0013-authored-withdrawn';

/**
 * Every migration, applied in name order. Written with Kysely's schema builder and portable column
 * types so the same list can run on PostgreSQL.
 */
export const migrations: Record<string, Migration> = {
	'0001-plays-and-answers': playsAndAnswers,
	'0002-teachers': teachers,
	'0003-kiosks': kiosks,
	'0004-play-owners': playOwners,
	'0005-assignment-student-caps': assignmentStudentCaps,
	'0006-assignment-reveal': assignmentReveal,
	'0007-class-archive-and-kiosk-profile': classArchiveAndKioskProfile,
	'0008-job-runs': jobRuns,
	'0010-authored': authored,
	'0011-kiosk-articles': kioskArticles,
	'0012-shared-sets': sharedSets,
	'0013-authored-withdrawn': authoredWithdrawn
};
