"""Language identification with py3langid: the pipeline after clean is English-only."""

from __future__ import annotations

import py3langid

# Names for the one-line rejection reason; other codes are shown as the code alone.
LANGUAGE_NAMES: dict[str, str] = {
    "ar": "Arabic", "de": "German", "es": "Spanish", "fa": "Persian", "fr": "French", "he": "Hebrew",
    "hi": "Hindi", "it": "Italian", "ja": "Japanese", "ko": "Korean", "ku": "Kurdish", "nl": "Dutch",
    "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "ru": "Russian", "so": "Somali", "sv": "Swedish",
    "sw": "Swahili", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "zh": "Chinese", "am": "Amharic",
    "hy": "Armenian", "az": "Azerbaijani", "ka": "Georgian", "sr": "Serbian", "hr": "Croatian",
    "id": "Indonesian", "ms": "Malay", "vi": "Vietnamese", "th": "Thai", "my": "Burmese", "en": "English",
}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language."""
    code, _score = py3langid.classify(text)
    return str(code)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def letter_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())
