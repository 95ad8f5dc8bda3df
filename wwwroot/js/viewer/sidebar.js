// Issue 14 part in progress: replaced by its module (see README "Session").
export function start(session) {}
