import { expect, test } from '@playwright/test';
import { createAssignment, joinAs } from './support/assignment';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { signUpTeacher } from './support/teacher';

test('a teacher copies an assignment into another class, renames a class, archives and restores it', async ({
	browser
}) => {
	const teacherContext = await browser.newContext();
	const teacher = await teacherContext.newPage();
	await signUpTeacher(teacher);
	const first = await createAssignment(teacher, {
		className: 'Period 1',
		title: 'Framing check',
		filter: 'skill=framing',
		count: 2,
		settings: async (page) => {
			await page.getByLabel('Attempts allowed').fill('3');
		}
	});
	const studentContext = await browser.newContext();
	const student = await studentContext.newPage();
	await joinAs(student, first.joinCode, 'Ama');

	// A second class to copy into.
	await teacher.goto('/teach', { waitUntil: 'networkidle' });
	await teacher.getByLabel('Class name').fill('Period 2');
	await teacher.getByRole('button', { name: 'Create class' }).click();
	await expect(teacher.getByRole('heading', { name: 'Period 2' })).toBeVisible();

	await teacher.goto(`/teach/assignments/${first.assignmentId}`);
	await teacher.getByLabel('Class', { exact: true }).selectOption({ label: 'Period 2' });
	await teacher.getByRole('button', { name: 'Make a copy' }).click();
	await expect(teacher.getByText('This is the copy, in Period 2.')).toBeVisible();
	await expect(teacher.getByRole('heading', { name: 'Framing check' })).toBeVisible();
	// Settings and questions come along; students and their answers do not.
	await expect(teacher.getByText('3 attempts, the best counts', { exact: true })).toBeVisible();
	await expect(teacher.getByRole('heading', { name: 'Students (0)' })).toBeVisible();
	await expect(teacher.getByRole('cell', { name: 'Ama' })).toHaveCount(0);
	const copyCode = (await teacher.getByText(/\/join\/[A-Z0-9]{6}$/).textContent())
		?.split('/')
		.pop();
	expect(copyCode).not.toBe(first.joinCode);
	await expectAccessible(teacher, 'assignment page with copy form');

	// Rename the first class.
	await teacher.goto(`/teach/classes/${first.classId}`, { waitUntil: 'networkidle' });
	await teacher.getByLabel('Class name').fill('Period 1, English');
	await teacher.getByRole('button', { name: 'Rename' }).click();
	await expect(teacher.getByRole('heading', { name: 'Period 1, English' })).toBeVisible();
	await screenshotAllSizes(teacher, 'class-page');

	// Archive it: it leaves the list, its assignment closes to students.
	await teacher.getByText('Archive this class').click();
	await teacher.getByRole('button', { name: 'Archive the class' }).click();
	await expect(teacher).toHaveURL(/\/teach$/);
	await expect(teacher.getByRole('link', { name: 'Period 2' })).toBeVisible();
	await expect(teacher.getByRole('link', { name: 'Period 1, English' })).toBeHidden();
	await teacher.getByText('Archived classes (1)').click();
	await expect(teacher.getByRole('link', { name: 'Period 1, English' })).toBeVisible();
	await expectAccessible(teacher, 'classes with an archived one');
	await screenshotAllSizes(teacher, 'classes-archived');

	await student.goto(`/join/${first.joinCode}`);
	await expect(student.getByText(/closed this assignment/)).toBeVisible();
	const fresh = await browser.newContext();
	const newcomer = await fresh.newPage();
	await newcomer.goto(`/join/${first.joinCode}`);
	await expect(newcomer.getByText(/closed this assignment/)).toBeVisible();
	await expect(newcomer.getByRole('button', { name: 'Join and start' })).toHaveCount(0);

	// Restored, it is back in the list and open again.
	await teacher.getByRole('button', { name: 'Restore Period 1, English' }).click();
	await expect(teacher).toHaveURL(new RegExp(`/teach/classes/${first.classId}$`));
	await teacher.goto('/teach');
	await expect(teacher.getByRole('link', { name: 'Period 1, English' })).toBeVisible();
	await newcomer.reload();
	await expect(newcomer.getByRole('button', { name: 'Join and start' })).toBeVisible();

	await Promise.all([teacherContext.close(), studentContext.close(), fresh.close()]);
});
