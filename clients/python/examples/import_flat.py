import sys, os
from memento_cl import MementoClient

# As in the manual, except that the server address and credentials come from the environment.
MEMENTO_URL = os.environ.get("MEMENTO_URL", "http://your-memento-server/memento/")
USERNAME = os.environ.get("MEMENTO_USERNAME", "alice")
PASSWORD = os.environ.get("MEMENTO_PASSWORD", "my_password")

client = MementoClient(MEMENTO_URL)
client.login(USERNAME, PASSWORD)
user_id = client.get_user_id(USERNAME)

project_name = sys.argv[1]
project_id = client.get_or_create_project(user_id, project_name)

for category_name in sorted(os.listdir(project_name)):
    category_path = os.path.join(project_name, category_name)
    if not os.path.isdir(category_path):
        continue
    category_id = client.get_or_create_category(user_id, project_id, category_name)

    for filename in sorted(os.listdir(category_path)):
        filepath = os.path.join(category_path, filename)
        if not os.path.isfile(filepath):
            continue
        image_name = f"{category_name}_{filename}"
        annotation_name = os.path.splitext(filename)[0]  # strip file extension

        image_id = client.get_or_upload_image(user_id, project_id, filepath, 2, image_name)
        annotation_id, layer_id = client.get_or_create_annotation(
            user_id, project_id, category_id, image_id,
            name=annotation_name, layer_name="image",
        )
        print(f"  {category_name} / {annotation_name} → annotation {annotation_id}")

print("Done.")
