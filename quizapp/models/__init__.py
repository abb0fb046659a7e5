"""Database models, one module per entity."""

from quizapp.models.attempt import Attempt, QuizRun
from quizapp.models.bank_error import BankLoadError
from quizapp.models.deck import Deck, Question
from quizapp.models.item_tally import FirstAnswerCount, FirstVerdictLearners
from quizapp.models.job import Job
from quizapp.models.live import LiveAnswer, LiveGame, LivePlayer
from quizapp.models.review import ReviewCard
from quizapp.models.review_action import ReviewAction
from quizapp.models.school_class import Assignment, ClassMembership, SchoolClass, class_teachers
from quizapp.models.user import User

__all__ = ["Assignment", "Attempt", "BankLoadError", "ClassMembership", "Deck", "FirstAnswerCount",
           "FirstVerdictLearners", "Job", "LiveAnswer", "LiveGame", "LivePlayer", "Question", "QuizRun",
           "ReviewAction", "ReviewCard", "SchoolClass", "User", "class_teachers"]
