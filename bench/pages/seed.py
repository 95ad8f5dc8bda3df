"""Fills a Memento SQLite database with a bench-sized world by copying rows the API made (so every column has the
value the server writes): 10,000 users, 10,000 annotations (with a layer each) in 10 categories, 100 images and
participants and viewers at each scope. Creating them through the API would take hours of password hashing.
Usage: seed.py DB PROJECT_ID CATEGORY_ID ANNOTATION_ID IMAGE_ID ADMIN_ID"""
import sqlite3
import sys
import uuid

db, project, category, annotation, image, admin = sys.argv[1], *map(int, sys.argv[2:7])
USERS, CATEGORIES, ANNOTATIONS, IMAGES = 10_000, 10, 10_000, 100
c = sqlite3.connect(db)
c.execute("PRAGMA foreign_keys = ON")


def quote(name):
    return '"' + name + '"'


COLUMNS = {}


def copy(table, row_id, changes):
    """INSERT a copy of one row with some columns changed; returns the new id."""
    if table not in COLUMNS:
        COLUMNS[table] = [r[1] for r in c.execute(f"PRAGMA table_info({quote(table)})") if r[1] != "Id"]
    columns = COLUMNS[table]
    values = c.execute(f"SELECT {', '.join(map(quote, columns))} FROM {quote(table)} WHERE Id = ?", (row_id,)).fetchone()
    row = dict(zip(columns, values)) | changes
    cur = c.execute(f"INSERT INTO {quote(table)} ({', '.join(map(quote, row))}) VALUES ({', '.join('?' * len(row))})",
                    tuple(row.values()))
    return cur.lastrowid


users = []
for n in range(USERS):
    name = f"user{n:05d}"
    users.append(copy("Users", admin, {"UserName": name, "NormalizedUserName": name.upper(), "IsSysAdmin": 0,
                                       "SecurityStamp": uuid.uuid4().hex, "LastLoginAt": None}))
images = [image] + [copy("Images", image, {"Name": f"slide {n:03d}", "Title": f"slide {n:03d}"}) for n in range(1, IMAGES)]
categories = [category] + [copy("Categories", category, {"Name": f"Group {n:02d}"}) for n in range(1, CATEGORIES)]
template_layer = c.execute('SELECT "Id" FROM "Layers" WHERE "AnnotationId" = ?', (annotation,)).fetchone()[0]
for n in range(1, ANNOTATIONS):
    new = copy("Annotations", annotation, {"CategoryId": categories[n % CATEGORIES], "Name": f"section {n:05d}"})
    copy("Layers", template_layer, {"AnnotationId": new, "ImageId": images[n % IMAGES]})
# Members at each scope: the members pages and the project overview's summary list them.
template_permission = c.execute("SELECT Id FROM Permissions WHERE Role = 'propar'").fetchone()[0]
for n, (role, scope) in enumerate([("propar", project)] * 200 + [("provie", project)] * 200
                                  + [("catpar", category)] * 100 + [("annpar", annotation)] * 50):
    copy("Permissions", template_permission, {"UserId": users[n], "Role": role, "ScopeId": scope})
c.commit()
print(f"seeded {USERS} users, {ANNOTATIONS} annotations in {CATEGORIES} categories, {IMAGES} images, 550 members")
