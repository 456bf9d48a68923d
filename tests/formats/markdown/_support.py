"""What several Markdown test modules share: the bundled example briefs and UTC."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
UTC = timezone.utc
