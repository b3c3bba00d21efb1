"""The standing abuse suite: each module replays an attack an outside test found.

Every case here failed on the code the attack was found on and must keep
passing; CI runs the suite on SQLite and PostgreSQL with the rest.
"""

# Fixtures of the apps' own suites that the attacks reuse.
from tests.h5p.conftest import h5p_lesson, import_real, make_h5p_lesson, multichoice  # noqa: E402, F401
from tests.lms.conftest import cohort, trainer  # noqa: E402, F401
from tests.modules.conftest import pack_lesson  # noqa: E402, F401
from tests.quizzes.conftest import make_quiz_lesson, questions  # noqa: E402, F401
from tests.records.conftest import everything  # noqa: E402, F401
from tests.scorm.conftest import scorm12  # noqa: E402, F401
from tests.surveys.conftest import survey  # noqa: E402, F401
