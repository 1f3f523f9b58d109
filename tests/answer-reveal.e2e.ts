import { expect, test, type Page } from '@playwright/test';
import { createAssignment, joinAs } from './support/assignment';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { answerCurrent } from './support/play';
import { signUpTeacher } from './support/teacher';

/** Answers every question of the attempt the page is on (all right), following each feedback page. */
async function answerAll(page: Page): Promise<void> {
	for (;;) {
		await page.waitForURL(/\/play\/[^/]+(\/results)?$/);
		if (page.url().endsWith('/results')) return;
		await answerCurrent(page, true);
		await page.waitForURL(/\/feedback\/\d+$/);
		await page.getByRole('link', { name: /Next question|See your results/ }).click();
	}
}

test('with answers revealed after the last attempt, attempt 1 keeps the right answers back', async ({
	browser
}) => {
	const teacherContext = await browser.newContext();
	const teacher = await teacherContext.newPage();
	await signUpTeacher(teacher);
	const { joinCode } = await createAssignment(teacher, {
		title: 'Two tries',
		filter: 'skill=sourcing&type=single-choice',
		count: 2,
		settings: async (page) => {
			await page.getByLabel('Attempts allowed').fill('2');
			await page.getByLabel('Right answers shown').selectOption('last-attempt');
		}
	});
	await expect(
		teacher.getByText('Right answers shown: after the last attempt', { exact: true })
	).toBeVisible();

	const studentContext = await browser.newContext();
	const student = await studentContext.newPage();
	await joinAs(student, joinCode, 'Ama');

	// The feedback page gives the verdict and the student's own answer, nothing more.
	await answerCurrent(student, true);
	await student.waitForURL(/\/feedback\/1$/);
	await expect(student.getByText(/after your last attempt \(you have 2 in all\)/)).toBeVisible();
	await expect(student.getByText(/Right answer/)).toHaveCount(0);
	await expect(student.getByRole('heading', { name: 'Why' })).toHaveCount(0);
	await expect(student.getByRole('heading', { name: 'The evidence' })).toHaveCount(0);
	await expectAccessible(student, 'feedback with answers withheld');
	await screenshotAllSizes(student, 'feedback-answers-withheld');
	await student.getByRole('link', { name: 'Next question' }).click();
	await answerAll(student);

	// The probe: attempt 1's results list no right answer, no explanation and no evidence.
	await expect(student.getByRole('heading', { name: 'Your results' })).toBeVisible();
	await expect(student.getByText(/after your last attempt/)).toBeVisible();
	await expect(student.getByText(/Right answer/)).toHaveCount(0);
	await expect(student.getByRole('link', { name: 'See it in the article' })).toHaveCount(0);
	await expectAccessible(student, 'results with answers withheld');
	await screenshotAllSizes(student, 'results-answers-withheld');
	const firstResults = student.url();

	// The last attempt opens the answers, of both attempts.
	await student.getByRole('link', { name: 'Back to the assignment' }).click();
	await student.getByRole('button', { name: 'Start attempt 2 of 2' }).click();
	await answerAll(student);
	await expect(student.getByText(/after your last attempt/)).toHaveCount(0);
	await expect(student.getByText(/Right answer/).first()).toBeVisible();
	await expect(student.getByRole('link', { name: 'See it in the article' }).first()).toBeVisible();
	await student.goto(firstResults);
	await expect(student.getByText(/Right answer/).first()).toBeVisible();

	await Promise.all([teacherContext.close(), studentContext.close()]);
});

test('with answers revealed when the assignment closes, closing it opens them', async ({
	browser
}) => {
	const teacherContext = await browser.newContext();
	const teacher = await teacherContext.newPage();
	await signUpTeacher(teacher);
	const { joinCode } = await createAssignment(teacher, {
		title: 'Until closing',
		filter: 'skill=sourcing&type=single-choice',
		count: 1,
		settings: async (page) => {
			await page.getByLabel('Feedback', { exact: true }).selectOption('end');
			await page.getByLabel('Right answers shown').selectOption('closed');
		}
	});
	const studentContext = await browser.newContext();
	const student = await studentContext.newPage();
	await joinAs(student, joinCode, 'Ben');
	await answerCurrent(student, true);
	await student.waitForURL(/\/results$/);
	await expect(student.getByText(/when your teacher closes the assignment/)).toBeVisible();
	await expect(student.getByText(/Right answer/)).toHaveCount(0);

	await teacher.getByText('Close now').click();
	await teacher.getByRole('button', { name: 'Close the assignment' }).click();
	await expect(teacher.getByRole('button', { name: 'Reopen' })).toBeVisible();
	await student.reload();
	await expect(student.getByText(/Right answer/).first()).toBeVisible();
	await expect(student.getByText(/when your teacher closes the assignment/)).toHaveCount(0);

	await Promise.all([teacherContext.close(), studentContext.close()]);
});
