// The field rules every untrusted input shares, the plan file and the use case payloads alike,
// so an id, a title, a number or a work item ref is judged the same way wherever it arrives.
import { z } from 'zod';
import { isWorkItemRef } from '../model/work-item';

export const id = z.string().trim().min(1, 'must not be empty');
export const text = z.string().trim().min(1, 'must not be empty');
export const finite = z.number().refine(Number.isFinite, 'expected a finite number');
export const ref = z.string().refine(isWorkItemRef, {
  error: (i) => `expected a work item ref such as "jira:CS-1" or "ado:42", got ${JSON.stringify(i.input)}`,
});
export const confidence = z.number().min(0, 'confidence is between 0 and 1').max(1, 'confidence is between 0 and 1');
