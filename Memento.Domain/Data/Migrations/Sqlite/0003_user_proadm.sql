-- Issue 12: the system-level proadm code of the manual's edit-user page ("may create and manage projects").
-- Creating projects is no longer open to every signed-in user: system administrators and holders of this code
-- create them. Existing accounts start without it; a system administrator grants it (setProadm, /users/{id}).
ALTER TABLE "Users" ADD "IsProAdm" INTEGER NOT NULL DEFAULT 0;
