/**
 * The longest name a student can give, in characters as a person counts them. Its own module so
 * the join page can say it without shipping the name rules (and their blocklist) to the browser.
 */
export const NAME_MAX = 40;
