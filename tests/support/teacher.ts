import { expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';

export interface TeacherLogin {
	name: string;
	email: string;
	password: string;
}

/** A teacher no other test uses. */
export function newTeacher(name = 'Ms Rivera'): TeacherLogin {
	return {
		name,
		email: `t-${randomBytes(5).toString('hex')}@school.example`,
		password: 'correct horse battery staple'
	};
}

/** Signs a new teacher up through the real form and lands on the teacher home page. */
export async function signUpTeacher(
	page: Page,
	teacher: TeacherLogin = newTeacher()
): Promise<TeacherLogin> {
	// Wait for hydration: the form is re-rendered once the page runs, which would clear early typing.
	await page.goto('/teach/signup', { waitUntil: 'networkidle' });
	await page.getByLabel('Your name').fill(teacher.name);
	await page.getByLabel('Email').fill(teacher.email);
	await page.getByLabel('Password', { exact: true }).fill(teacher.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/teach$/);
	return teacher;
}

export async function signInTeacher(page: Page, teacher: TeacherLogin): Promise<void> {
	await page.goto('/teach/signin', { waitUntil: 'networkidle' });
	await page.getByLabel('Email').fill(teacher.email);
	await page.getByLabel('Password', { exact: true }).fill(teacher.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/teach$/);
}
