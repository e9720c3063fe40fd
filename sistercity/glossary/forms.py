from django import forms

from sistercity.glossary.models import Term
from sistercity.glossary.services import FIELDS


class TermForm(forms.ModelForm):
    class Meta:
        model = Term
        fields = FIELDS
        widgets = {
            field: forms.Textarea(attrs={"rows": 2})
            for field in FIELDS
            if field.startswith(("variants_", "avoid_", "english_forms"))
        } | {
            field: forms.Textarea(attrs={"rows": 3})
            for field in FIELDS
            if field.startswith("definition_")
        }

    def validate_unique(self) -> None:
        """The service decides (and says so in the user's language)."""
