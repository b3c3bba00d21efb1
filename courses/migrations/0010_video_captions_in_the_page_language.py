"""A video's captions language may be left as the page's (each translation names its own)."""

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0009_activity_blocks_by_registry'),
    ]

    operations = [
        migrations.AlterField(
            model_name='lessonpage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('video', 13), ('document', 17), ('callout', 21), ('accordion', 24)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 255}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Subheading')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ol', 'ul', 'link', 'document-link', 'h3', 'h4'], 'label': 'Text', 'template': 'courses/blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 255, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 255}), 8: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'A link to a video on a video site. Leave empty to use a file.', 'label': 'Embed URL', 'required': False}), 9: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'help_text': 'An MP4 or WebM file.', 'label': 'Video file', 'required': False}), 10: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'help_text': 'A .vtt captions file.', 'label': 'Captions (WebVTT)', 'required': False}), 11: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('', "The page's language"), ('az', 'Azerbaijani'), ('ru', 'Russian'), ('en', 'English')], 'help_text': "Leave it as the page's language when each translation of the page has captions in its own language.", 'label': 'Captions language', 'required': False}), 12: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ol', 'ul', 'link', 'document-link', 'h3', 'h4'], 'label': 'Transcript', 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('title', 7), ('embed', 8), ('file', 9), ('captions', 10), ('captions_language', 11), ('transcript', 12)]], {}), 14: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 15: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the document title.', 'label': 'Link text', 'required': False}), 16: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('document', 14), ('title', 15), ('description', 16)]], {}), 18: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('tip', 'Tip'), ('note', 'Note'), ('warning', 'Warning'), ('case_study', 'Case study')], 'label': 'Kind'}), 19: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 255, 'required': False}), 20: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ol', 'ul', 'link', 'document-link', 'h3', 'h4'], 'label': 'Body'}), 21: ('wagtail.blocks.StructBlock', [[('kind', 18), ('title', 19), ('body', 20)]], {}), 22: ('wagtail.blocks.StructBlock', [[('title', 7), ('body', 20)]], {}), 23: ('wagtail.blocks.ListBlock', (22,), {'label': 'Sections', 'min_num': 1}), 24: ('wagtail.blocks.StructBlock', [[('title', 19), ('items', 23)]], {})}, verbose_name='body'),
        ),
    ]
