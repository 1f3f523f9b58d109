import { expect, test } from '@playwright/test';
import { createAssignment, joinAs } from './support/assignment';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { answerCurrent } from './support/play';
import { signUpTeacher } from './support/teacher';

test('a teacher edits an assignment: settings always, questions until the first answer', async ({
	browser
}) => {
	const teacherContext = await browser.newContext();
	const teacher = await teacherContext.newPage();
	await signUpTeacher(teacher);
	const { assignmentId, joinCode } = await createAssignment(teacher, {
		title: 'First draft',
		filter: 'skill=sourcing&type=single-choice',
		count: 3
	});

	await teacher.getByRole('link', { name: 'Edit', exact: true }).click();
	await expect(teacher.getByRole('heading', { name: 'Edit the assignment' })).toBeVisible();
	// The form holds what was saved: the title and the three questions, in order.
	await expect(teacher.getByLabel('Title', { exact: true })).toHaveValue('First draft');
	await expect(teacher.getByRole('heading', { name: /3 questions selected/ })).toBeVisible();
	await expectAccessible(teacher, 'edit assignment');
	await screenshotAllSizes(teacher, 'assignment-edit');

	const firstPrompt = await teacher.locator('.list .prompt').first().textContent();
	await teacher
		.getByRole('button', { name: `Remove: ${firstPrompt}` })
		.first()
		.click();
	await expect(teacher.getByRole('heading', { name: /2 questions selected/ })).toBeVisible();
	await teacher.getByLabel('Title', { exact: true }).fill('Sourcing, second draft');
	await teacher.getByLabel('Time limit in minutes').fill('15');
	await teacher.getByLabel('Right answers shown').selectOption('closed');
	await teacher.getByRole('button', { name: 'Save changes' }).click();
	await expect(teacher).toHaveURL(new RegExp(`/teach/assignments/${assignmentId}$`));
	await expect(teacher.getByRole('heading', { name: 'Sourcing, second draft' })).toBeVisible();
	await expect(teacher.getByText('Time limit 15 min', { exact: true })).toBeVisible();
	await expect(
		teacher.getByText('Right answers shown: when the assignment closes', { exact: true })
	).toBeVisible();

	// A student sees the new title and two questions, and answers one.
	const studentContext = await browser.newContext();
	const student = await studentContext.newPage();
	await joinAs(student, joinCode, 'Ama');
	await expect(student.getByText('Sourcing, second draft').first()).toBeVisible();
	await expect(student.getByText('1 of 2', { exact: true })).toBeVisible();
	await answerCurrent(student, true);
	await student.waitForURL(/\/feedback\/1$/);

	// From now on the questions are locked, and the page says why; the settings still change.
	await teacher.getByRole('link', { name: 'Edit', exact: true }).click();
	await expect(teacher.getByText(/a student has already answered/)).toBeVisible();
	await expect(teacher.getByRole('heading', { name: /questions selected/ })).toHaveCount(0);
	await expect(teacher.getByRole('checkbox')).toHaveCount(0);
	await expectAccessible(teacher, 'edit assignment, questions locked');
	await screenshotAllSizes(teacher, 'assignment-edit-locked');
	await teacher.getByLabel('Attempts allowed').fill('2');
	await teacher.getByRole('button', { name: 'Save changes' }).click();
	await expect(teacher.getByText('2 attempts, the best counts', { exact: true })).toBeVisible();

	// A posted question list is refused once an answer is stored, whatever the form said.
	const edit = await teacher.request.post(`/teach/assignments/${assignmentId}/edit?/save`, {
		form: {
			title: 'Sneaky',
			instructions: '',
			questionOrder: 'fixed',
			feedback: 'each',
			reveal: 'question',
			attempts: '1',
			attemptCounts: 'best',
			names: 'typed',
			pick: 'random',
			count: '1',
			skill: 'sourcing'
		},
		headers: { origin: new URL(teacher.url()).origin, 'x-sveltekit-action': 'true' }
	});
	expect(edit.status()).toBe(200);
	expect(await edit.text()).toMatch(/not the questions/);
	await student.reload();
	await expect(student.getByText('1 of 2', { exact: true })).toBeVisible();

	await Promise.all([teacherContext.close(), studentContext.close()]);
});
