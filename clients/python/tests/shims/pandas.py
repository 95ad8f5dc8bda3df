"""A stand-in for the two pandas calls the manual's export script makes (DataFrame(rows), to_csv).

Tests put this folder on PYTHONPATH only when real pandas is not installed, so the manual's script runs
unchanged on a machine with nothing but python3.
"""
import csv


class DataFrame:
    def __init__(self, rows):
        self.rows = list(rows or [])
        self.columns = list(self.rows[0].keys()) if self.rows else []

    def __len__(self):
        return len(self.rows)

    def to_csv(self, path, index=True):
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")  # pandas writes os.linesep
            writer.writerow(([""] if index else []) + self.columns)
            for i, row in enumerate(self.rows):
                writer.writerow(([i] if index else []) + [row.get(c, "") for c in self.columns])
