"""Secret calendar addresses a phone polls without logging in, and which person a login is."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from hhprod.productions.models import Person


def digest(token):
    """What the database keeps of a token: its SHA-256. A token is 256 random bits, so no salt is needed."""
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeedQuerySet(models.QuerySet):
    def live(self):
        return self.filter(revoked=None, user__is_active=True)

    def for_token(self, token):
        """The live feed a token opens, its login with it; None for a revoked, renewed or made-up token."""
        return self.live().select_related("user").filter(digest=digest(token)).first()


class CalendarFeed(models.Model):
    """A login's secret calendar address: the token is shown once, when made, and only its digest kept.

    Renewing revokes the old address and makes a new one; a revoked address opens nothing.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(default=timezone.now, editable=False)
    revoked = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=models.Q(revoked=None), name="one_live_feed_per_login")
        ]

    def __str__(self):
        state = f"revoked {self.revoked:%Y-%m-%d}" if self.revoked else "live"
        return f"{self.user}'s calendar address of {self.created:%Y-%m-%d} ({state})"

    @classmethod
    def issue(cls, user):
        """A new address for `user`, the old one revoked: (feed, token). The token is not kept."""
        token = secrets.token_urlsafe(32)
        with transaction.atomic():
            # Renewals of one login wait for each other on its row: two at once would both find
            # the old address live and both add a new one, which the one-live-feed constraint refuses.
            get_user_model().objects.select_for_update().get(pk=user.pk)
            cls.objects.filter(user=user, revoked=None).update(revoked=timezone.now())
            return cls.objects.create(user=user, digest=digest(token)), token

    @classmethod
    def revoke_all(cls, user):
        return cls.objects.filter(user=user, revoked=None).update(revoked=timezone.now())


class PersonLogin(models.Model):
    """Which person a login is: their day calls make their personal calendar."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person_link")
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="login_link")

    class Meta:
        verbose_name = "login's person"
        verbose_name_plural = "logins' people"

    def __str__(self):
        return f"{self.user} is {self.person}"
