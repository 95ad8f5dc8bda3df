-- Issue 14: a share link's token is derived from the server's secret and a random salt per link (HMAC), so the
-- viewer can show an active link's URL again after a reload; the database still holds no usable token. Links made
-- before have no salt (NULL): they keep working and can be revoked, but their URL cannot be shown again.
ALTER TABLE "ShareLinks" ADD "TokenSalt" TEXT NULL;
