/** The body of `version`'s section (without its heading, trimmed), or undefined when there is none. */
export function changelogSection(markdown: string, version: string): string | undefined
