import os
from memento_cl import MementoClient
import pandas as pd

# Configuration from the environment (the manual hard-codes these values).
MEMENTO_URL = os.environ.get("MEMENTO_URL", "http://your-memento-server/memento/")
USERNAME = os.environ.get("MEMENTO_USERNAME", "alice")
PASSWORD = os.environ.get("MEMENTO_PASSWORD", "my_password")
PROJECT_NAME = os.environ.get("MEMENTO_PROJECT", "Kidney_2026")
OUT_PREFIX = os.environ.get("MEMENTO_OUT_PREFIX", "kidney_2026")

client = MementoClient(MEMENTO_URL)
client.login(USERNAME, PASSWORD)
user_id = client.get_user_id(USERNAME)
project_id = client.get_project_id(PROJECT_NAME)

# High-level summary
summary = client.project_summary(project_id)
print("Total annotations:", summary["total_annotations"])
print("Submitted:        ", summary["total_annotations_submitted"])

# Full flat table — one row per annotation
rows = client.project_data(project_id)
df = pd.DataFrame(rows)
# columns: project, category, classification, annotation,
#          image, status, label, image_uri
df.to_csv(f"{OUT_PREFIX}_results.csv", index=False)

# All drawn ROIs
rois = client.project_rois(project_id)
df_rois = pd.DataFrame(rois)
# columns: project, category, annotation, layer, data
df_rois.to_csv(f"{OUT_PREFIX}_rois.csv", index=False)

# All comments
comments = client.project_comments(project_id)
df_comments = pd.DataFrame(comments)
df_comments.to_csv(f"{OUT_PREFIX}_comments.csv", index=False)
