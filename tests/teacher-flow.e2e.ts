import { expect, test } from '@playwright/test';
import { createAssignment, joinAs, parseCsv } from './support/assignment';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { answerAndContinue, answerCurrent } from './support/play';
import { signUpTeacher } from './support/teacher';
import { testPort } from './support/ports';
import { TestServer } from './support/server';

test('a teacher sets up an assignment, two students play it, the dashboard and CSV show both', async ({
	browser
}) => {
	const teacherContext = await browser.newContext();
	const teacher = await teacherContext.newPage();
	const started = Date.now();
	await signUpTeacher(teacher);
	await expectAccessible(teacher, 'teacher home');
	const { assignmentId, joinCode } = await createAssignment(teacher, {
		filter: 'skill=sourcing',
		count: 3
	});
	const setupSeconds = (Date.now() - started) / 1000;
	expect(setupSeconds).toBeLessThan(120);

	const dashboard = teacher;
	await expect(dashboard.getByRole('heading', { name: 'Sourcing check' })).toBeVisible();
	await expect(dashboard.getByText('Nobody has joined yet')).toBeVisible();

	// Two students, each in their own browser.
	const [amaContext, benContext] = [await browser.newContext(), await browser.newContext()];
	const ama = await amaContext.newPage();
	const ben = await benContext.newPage();
	await joinAs(ama, joinCode, 'Ama');
	await joinAs(ben, joinCode, 'Ben');

	// The dashboard shows both without a reload.
	const students = dashboard.getByRole('table', { name: 'Students and their progress' });
	await expect(students.getByRole('rowheader', { name: 'Ama' })).toBeVisible({ timeout: 30_000 });
	await expect(students.getByRole('rowheader', { name: 'Ben' })).toBeVisible();

	await answerAndContinue(ama, true);
	await answerAndContinue(ama, true);
	await answerCurrent(ama, true);
	await ama.waitForURL(/\/feedback\/3$/);
	await ama.getByRole('link', { name: 'See your results' }).click();
	await expect(ama.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await expect(ama.getByRole('link', { name: 'Back to the assignment' })).toBeVisible();

	await answerAndContinue(ben, false);

	const amaRow = students.getByRole('row', { name: /Ama/ });
	await expect(amaRow).toContainText('Finished · 3 of 3', { timeout: 30_000 });
	await expect(amaRow).toContainText('100%');
	const benRow = students.getByRole('row', { name: /Ben/ });
	await expect(benRow).toContainText('In progress · 1 of 3');
	await expect(benRow).toContainText('0%');
	await expect(dashboard.getByRole('img', { name: 'Score by skill' })).toBeVisible();
	// The heat map: a symbol in every cell, with words for screen readers.
	const heat = dashboard.getByRole('table', { name: 'Each student’s answer to each question' });
	await expect(heat.getByRole('row', { name: /Ama/ }).getByRole('cell')).toHaveText([
		'✓Question 1: right',
		'✓Question 2: right',
		'✓Question 3: right'
	]);
	await expect(heat.getByRole('row', { name: /Ben/ }).getByRole('cell').first()).toContainText(
		/[✗◐]/
	);
	await expect(heat.getByRole('row', { name: /Ben/ })).toContainText('Question 3: not answered');
	await expectAccessible(dashboard, 'assignment dashboard');
	await screenshotAllSizes(dashboard, 'teacher-dashboard');

	// A student's detail view shows every answer.
	await students.getByRole('link', { name: 'Ama' }).click();
	await expect(dashboard.getByRole('heading', { name: 'Ama' })).toBeVisible();
	await expect(dashboard.getByText(/Question \d: Right/)).toHaveCount(3);
	await expectAccessible(dashboard, 'student detail');
	await dashboard.goBack();

	// The CSV files hold their answers.
	const wide = parseCsv(
		await (
			await teacher.request.get(`/teach/assignments/${assignmentId}/export?format=wide`)
		).text()
	);
	expect(wide[0].slice(0, 4)).toEqual(['Student', 'Status', 'Score', 'Percent']);
	// Question columns name the question and its skill, not an id; times are the school's.
	expect(wide[0].filter((h) => /^Q\d .+ \(Sources\)$/.test(h))).toHaveLength(3);
	expect(wide[0]).toContain('Time taken (m:ss)');
	expect(wide.find((r) => r[0] === 'Ama')?.[4]).toMatch(/^\d+:\d\d$/);
	expect(wide.find((r) => r[0] === 'Ama')?.[6]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
	const amaCsv = wide.find((r) => r[0] === 'Ama');
	const benCsv = wide.find((r) => r[0] === 'Ben');
	expect(amaCsv?.slice(1, 4)).toEqual(['Finished', expect.stringMatching(/^[1-9]\d*$/), '100']);
	expect(amaCsv?.slice(-3)).toEqual(['100', '100', '100']);
	expect(benCsv?.slice(-3)).toEqual(['0', '', '']);
	const long = parseCsv(
		await (
			await teacher.request.get(`/teach/assignments/${assignmentId}/export?format=long`)
		).text()
	);
	expect(long[0]).toEqual([
		'Student',
		'Attempt',
		'Question number',
		'Question id',
		'Skill',
		'Prompt',
		'Answer',
		'Right answer',
		'Credit',
		'Points',
		expect.stringMatching(/^Answered at \(.+\)$/)
	]);
	expect(long.filter((r) => r[0] === 'Ama')).toHaveLength(3);
	expect(long.filter((r) => r[0] === 'Ben')).toHaveLength(1);
	expect(long.every((r, i) => i === 0 || r[4] === 'Sources')).toBe(true);
	expect(long.slice(1).every((r) => r[7] !== '')).toBe(true);

	// The projector view, large.
	await teacher.goto(`/teach/assignments/${assignmentId}/projector`);
	await expect(teacher.getByText(joinCode.slice(0, 3) + ' ' + joinCode.slice(3))).toBeVisible();
	await expect(teacher.getByRole('img', { name: /QR code/ })).toBeVisible();
	await expectAccessible(teacher, 'projector');
	await teacher.setViewportSize({ width: 1920, height: 1080 });
	await teacher.screenshot({ path: 'test-results/screenshots/teacher-projector-1080p.png' });

	// Closing early stops further answers.
	// Closing early asks first, then stops further answers; the teacher reads it in their own words.
	await teacher.goto(`/teach/assignments/${assignmentId}`);
	await teacher.getByText('Close now', { exact: true }).click();
	await teacher.getByRole('button', { name: 'Close the assignment' }).click();
	await expect(teacher.getByText(/^Closed by you at/)).toBeVisible();
	await expect(teacher.getByText('Your teacher has closed this assignment')).toHaveCount(0);
	await expect(teacher.getByText('Closed: this code no longer lets students in.')).toBeVisible();
	await expect(students.getByRole('row').filter({ hasText: 'Ben' })).toContainText(
		'Did not finish'
	);
	// Ben, mid-quiz, is taken to his results with a plain explanation.
	await answerCurrent(ben, true);
	await expect(ben).toHaveURL(/\/results$/);
	await expect(
		ben.getByText('Your teacher closed this assignment after you had answered 1 of 3 questions.', {
			exact: false
		})
	).toBeVisible();

	// A student's page is worded for the teacher; resetting asks first, then lets them start again.
	await teacher.getByRole('button', { name: 'Reopen' }).click();
	await expect(students.getByRole('row').filter({ hasText: 'Ben' })).toContainText('In progress');
	await students.getByRole('link', { name: 'Ben' }).click();
	await expect(
		teacher
			.locator('ol.answers')
			.getByText(/Ben’s answer|Ben said/)
			.first()
	).toBeVisible();
	await expect(teacher.locator('ol.answers').getByText(/Your answer|You said/)).toHaveCount(0);
	await teacher.getByText('Reset their attempts', { exact: true }).click();
	await teacher.getByRole('button', { name: 'Reset Ben’s attempts' }).click();
	await expect(teacher.getByText('Ben has joined but not answered yet.')).toBeVisible();
	await expect(teacher.getByRole('button', { name: 'Remove Ben' })).toBeHidden();
	await teacher.getByText('Remove Ben from this assignment').click();
	await expect(teacher.getByRole('button', { name: 'Remove Ben' })).toBeVisible();

	await Promise.all([teacherContext.close(), amaContext.close(), benContext.close()]);
});

test('assignment settings: feedback at the end, shuffled order, anonymous names, a second attempt', async ({
	browser
}) => {
	const teacherContext = await browser.newContext();
	const teacher = await teacherContext.newPage();
	await signUpTeacher(teacher);
	const { joinCode } = await createAssignment(teacher, {
		title: 'End-of-quiz feedback',
		filter: 'skill=framing',
		count: 2,
		settings: async (page) => {
			await page.getByLabel('Feedback', { exact: true }).selectOption('end');
			await page.getByLabel('Question order', { exact: true }).selectOption('shuffled');
			await page.getByLabel('Attempts allowed').fill('2');
			await page.getByRole('radio', { name: /Anonymous/ }).check();
		}
	});
	const studentContext = await browser.newContext();
	const student = await studentContext.newPage();
	await student.goto(`/join/${joinCode}`);
	await expect(student.getByText(/made-up name/)).toBeVisible();
	await student.getByRole('button', { name: 'Join and start' }).click();
	await expect(student.getByText('You will see the answers at the end.')).toBeVisible();
	const playUrl = student.url();

	// No feedback between questions: the answer leads straight to the next question.
	await answerCurrent(student, true);
	await expect(student).toHaveURL(playUrl);
	await expect(student.getByText('2 of 2', { exact: true })).toBeVisible();
	// The header gives nothing away either: no score or streak that a right answer would move.
	await expect(student.getByText('Score and answers at the end')).toBeVisible();
	await expect(student.getByText('Streak', { exact: true })).toHaveCount(0);
	// The first answer's feedback stays closed until the end.
	const early = await student.request.get(`${playUrl}/feedback/1`, { maxRedirects: 0 });
	expect(early.status()).toBe(303);
	await answerCurrent(student, false);
	await expect(student).toHaveURL(`${playUrl}/results`);
	await expect(student.getByRole('heading', { name: 'Your results' })).toBeVisible();

	// A second attempt is offered, then no more.
	await student.getByRole('link', { name: 'Back to the assignment' }).click();
	await expect(student.getByText(/You joined as \w+ \w+/)).toBeVisible();
	await student.getByRole('button', { name: 'Start attempt 2 of 2' }).click();
	await expect(student).toHaveURL(/\/play\/[\w-]{22}$/);
	expect(student.url()).not.toBe(playUrl);
	await student.goto(`/join/${joinCode}`);
	await expect(student.getByRole('link', { name: 'Continue where you left off' })).toBeVisible();

	await Promise.all([teacherContext.close(), studentContext.close()]);
});

test('a time limit is enforced on the server', async ({ browser }) => {
	// A server of its own whose clock the test moves forward, rather than waiting out the minute.
	const server = TestServer.fresh(testPort(51), 'time-limit', { BYLINE_TEST_CLOCK: 'settable' });
	await server.start();
	const teacherContext = await browser.newContext({ baseURL: server.url });
	const studentContext = await browser.newContext({ baseURL: server.url });
	try {
		const teacher = await teacherContext.newPage();
		await signUpTeacher(teacher);
		const { joinCode } = await createAssignment(teacher, {
			title: 'Timed',
			count: 2,
			settings: async (page) => {
				await page.getByLabel('Time limit in minutes').fill('1');
			}
		});
		const student = await studentContext.newPage();
		await joinAs(student, joinCode, 'Cleo');
		await expect(student.getByText(/Time limit: answers count until/)).toBeVisible();
		await expect(student.getByText(/Time left: [01]:\d\d/)).toBeVisible();

		// Within the minute an answer counts; a minute and a second later the next is refused.
		await answerCurrent(student, true);
		await expect(student).toHaveURL(/\/feedback\/1$/);
		await student.getByRole('link', { name: 'Next question' }).click();
		await expect(student).toHaveURL(/\/play\/[\w-]{22}$/);
		const moved = await student.request.post('/testing/clock', {
			headers: { origin: server.url },
			data: { forwardMs: 61_000 }
		});
		expect(moved.status()).toBe(200);
		// An answer sent after the deadline is refused, and the student lands on their results,
		// told why, with the question they never reached counted.
		await answerCurrent(student, true);
		await expect(student).toHaveURL(/\/results$/);
		await expect(student.getByText('Time ran out after 1 of 2 questions.')).toBeVisible();
		await expect(student.getByText('1 of 2', { exact: true })).toBeVisible();
		await expect(student.getByText('50%', { exact: true })).toBeVisible();
		// Coming back to the question page leads to the results too.
		await student.goBack();
		await student.reload();
		await expect(student).toHaveURL(/\/results$/);
	} finally {
		await Promise.all([teacherContext.close(), studentContext.close()]);
		await server.kill();
	}
});

test('a server not started for tests keeps its clock to itself', async ({ request }) => {
	const refused = await request.post('/testing/clock', {
		headers: { origin: new URL(test.info().project.use.baseURL ?? '').origin },
		data: { forwardMs: 61_000 }
	});
	expect(refused.status()).toBe(404);
});
