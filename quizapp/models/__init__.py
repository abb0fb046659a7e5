"""Database models, one module per entity."""

from quizapp.models.attempt import Attempt, QuizRun
from quizapp.models.bank_error import BankLoadError
from quizapp.models.deck import Deck, Question
from quizapp.models.item_tally import FirstAnswerCount, FirstVerdictLearners
from quizapp.models.live import LiveAnswer, LiveGame, LivePlayer
from quizapp.models.review import ReviewCard
from quizapp.models.user import User

__all__ = ["Attempt", "BankLoadError", "Deck", "FirstAnswerCount", "FirstVerdictLearners", "LiveAnswer", "LiveGame",
           "LivePlayer", "Question", "QuizRun", "ReviewCard", "User"]
