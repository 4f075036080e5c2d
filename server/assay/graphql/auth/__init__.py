"""Viewer, API keys, sign-up, sign-in, sessions and members in the API."""

from assay.graphql.auth.member_queries import MemberQuery
from assay.graphql.auth.mutations.accept_invitation import AcceptInvitationMutation
from assay.graphql.auth.mutations.begin_totp_enrollment import BeginTotpEnrollmentMutation
from assay.graphql.auth.mutations.change_member_role import ChangeMemberRoleMutation
from assay.graphql.auth.mutations.confirm_totp_enrollment import ConfirmTotpEnrollmentMutation
from assay.graphql.auth.mutations.create_api_key import CreateApiKeyMutation
from assay.graphql.auth.mutations.invite_member import InviteMemberMutation
from assay.graphql.auth.mutations.log_in import LogInMutation
from assay.graphql.auth.mutations.log_out import LogOutMutation
from assay.graphql.auth.mutations.remove_member import RemoveMemberMutation
from assay.graphql.auth.mutations.request_password_reset import RequestPasswordResetMutation
from assay.graphql.auth.mutations.reset_password import ResetPasswordMutation
from assay.graphql.auth.mutations.revoke_api_key import RevokeApiKeyMutation
from assay.graphql.auth.mutations.revoke_invitation import RevokeInvitationMutation
from assay.graphql.auth.mutations.revoke_session import RevokeSessionMutation
from assay.graphql.auth.mutations.sign_up import SignUpMutation
from assay.graphql.auth.mutations.verify_email import VerifyEmailMutation
from assay.graphql.auth.mutations.verify_totp import VerifyTotpMutation
from assay.graphql.auth.queries import AuthQuery

QUERIES: tuple[type, ...] = (AuthQuery, MemberQuery)
MUTATIONS: tuple[type, ...] = (
    CreateApiKeyMutation,
    RevokeApiKeyMutation,
    SignUpMutation,
    VerifyEmailMutation,
    LogInMutation,
    BeginTotpEnrollmentMutation,
    ConfirmTotpEnrollmentMutation,
    VerifyTotpMutation,
    RequestPasswordResetMutation,
    ResetPasswordMutation,
    LogOutMutation,
    RevokeSessionMutation,
    InviteMemberMutation,
    RevokeInvitationMutation,
    AcceptInvitationMutation,
    ChangeMemberRoleMutation,
    RemoveMemberMutation,
)
