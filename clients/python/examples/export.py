from memento_cl import MementoClient
import pandas as pd
import os

# As in the manual, except that the server address and credentials come from the environment.
MEMENTO_URL = os.environ.get("MEMENTO_URL", "http://your-memento-server/memento/")
USERNAME = os.environ.get("MEMENTO_USERNAME", "alice")
PASSWORD = os.environ.get("MEMENTO_PASSWORD", "my_password")

client = MementoClient(MEMENTO_URL)
client.login(USERNAME, PASSWORD)
user_id = client.get_user_id(USERNAME)
project_id = client.get_project_id("Kidney_2026")

# High-level summary
summary = client.project_summary(project_id)
print("Total annotations:", summary["total_annotations"])
print("Submitted:        ", summary["total_annotations_submitted"])

# Full flat table — one row per annotation
rows = client.project_data(project_id)
df = pd.DataFrame(rows)
# columns: project, category, classification, annotation,
#          image, status, label, image_uri
df.to_csv("kidney_2026_results.csv", index=False)

# All drawn ROIs
rois = client.project_rois(project_id)
df_rois = pd.DataFrame(rois)
# columns: project, category, annotation, layer, data
df_rois.to_csv("kidney_2026_rois.csv", index=False)

# All comments
comments = client.project_comments(project_id)
df_comments = pd.DataFrame(comments)
df_comments.to_csv("kidney_2026_comments.csv", index=False)
