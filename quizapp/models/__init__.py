"""Database models, one module per entity."""

from quizapp.models.attempt import Attempt, QuizRun
from quizapp.models.bank_error import BankLoadError
from quizapp.models.deck import Deck, Question
from quizapp.models.item_tally import FirstAnswerCount, FirstVerdictLearners
from quizapp.models.job import Job
from quizapp.models.review import ReviewCard
from quizapp.models.user import User

__all__ = ["Attempt", "BankLoadError", "Deck", "FirstAnswerCount", "FirstVerdictLearners", "Job", "Question", "QuizRun",
           "ReviewCard", "User"]
