/** The students an assignment may have, when its teacher has changed it from the default. */
export interface AssignmentStudentCapTable {
	assignment_id: string;
	max_students: number;
}

export interface CapTables {
	assignment_student_cap: AssignmentStudentCapTable;
}
