import { expect, test } from '@playwright/test';
import { createAssignment, joinAs } from './support/assignment';
import { expectAccessible, screenshotAllSizes } from './support/look';
import { signUpTeacher } from './support/teacher';

test('the name field says its limit, and a name with emoji reaches the teacher whole', async ({
	browser
}) => {
	const teacherContext = await browser.newContext();
	const teacher = await teacherContext.newPage();
	await signUpTeacher(teacher);
	const { assignmentId, joinCode } = await createAssignment(teacher, { count: 1 });

	const studentContext = await browser.newContext();
	const student = await studentContext.newPage();
	await student.goto(`/join/${joinCode}`);
	const field = student.getByLabel('Your name');
	await expect(field).toHaveAttribute('maxlength', '40');
	await expect(
		student.getByText(/The name your teacher will see, up to 40 characters; emoji are welcome/)
	).toBeVisible();
	await expectAccessible(student, 'join form');
	await screenshotAllSizes(student, 'join-name-field');
	await joinAs(student, joinCode, 'Dev 👩‍💻 Ray 🏳️‍🌈');

	await teacher.goto(`/teach/assignments/${assignmentId}`);
	await expect(teacher.getByRole('link', { name: 'Dev 👩‍💻 Ray 🏳️‍🌈' })).toBeVisible();

	await Promise.all([teacherContext.close(), studentContext.close()]);
});
