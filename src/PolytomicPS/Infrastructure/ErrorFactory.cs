using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>The one table from failures to ErrorRecords (conventions.md, Errors). ErrorIds here are stable: scripts
    /// and tests match on them.</summary>
    public static class ErrorFactory
    {
        public static ErrorRecord FromApi(PolytomicApiException ex, object? target)
        {
            var (id, category) = Classify(ex);
            var record = new ErrorRecord(ex, id, category, target);
            var action = RecommendedAction(ex);
            if (action != null) record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = action };
            return record;
        }

        public static (string Id, ErrorCategory Category) Classify(PolytomicApiException ex)
        {
            switch (ex.Kind)
            {
                case PolytomicErrorKind.Timeout: return ("PolytomicApi.Timeout", ErrorCategory.OperationTimeout);
                case PolytomicErrorKind.Transport: return ("PolytomicApi.ConnectionFailed", ErrorCategory.ConnectionError);
                case PolytomicErrorKind.InvalidResponse: return ("PolytomicApi.InvalidResponse", ErrorCategory.InvalidResult);
                case PolytomicErrorKind.UnsupportedInVersion: return ("ApiVersionNotSupported", ErrorCategory.NotImplemented);
                case PolytomicErrorKind.SchemaCacheNotReady: return ("SchemaCacheTimeout", ErrorCategory.OperationTimeout);
                case PolytomicErrorKind.PagingLoop: return ("PagingLoop", ErrorCategory.InvalidResult);
                case PolytomicErrorKind.OutcomeUnknown: return ("PolytomicApi.OutcomeUnknown", ErrorCategory.ConnectionError);
                case PolytomicErrorKind.ReadOnly: return ("ReadOnlySession", ErrorCategory.PermissionDenied);
            }
            switch (ex.StatusCode)
            {
                case 400: return ("PolytomicApi.BadRequest", ErrorCategory.InvalidArgument);
                case 401: return ("PolytomicApi.Unauthorized", ErrorCategory.AuthenticationError);
                case 403: return ("PolytomicApi.Forbidden", ErrorCategory.PermissionDenied);
                case 404: return ("PolytomicApi.NotFound", ErrorCategory.ObjectNotFound);
                case 408: return ("PolytomicApi.Timeout", ErrorCategory.OperationTimeout);
                case 409: return ("PolytomicApi.Conflict", ErrorCategory.ResourceBusy);
                case 422: return ("PolytomicApi.UnprocessableEntity", ErrorCategory.InvalidArgument);
                case 429: return ("PolytomicApi.TooManyRequests", ErrorCategory.LimitsExceeded);
                default:
                    return ex.StatusCode >= 500
                        ? ("PolytomicApi.ServerError", ErrorCategory.ConnectionError)
                        : ("PolytomicApi.Error", ErrorCategory.NotSpecified);
            }
        }

        private static string? RecommendedAction(PolytomicApiException ex)
        {
            if (ex.Kind == PolytomicErrorKind.UnsupportedInVersion) return "Run Connect-Polytomic with the -ApiVersion the message names.";
            if (ex.Kind == PolytomicErrorKind.OutcomeUnknown)
                return $"Run the command again with -IdempotencyKey {ex.IdempotencyKey}: Polytomic then returns its first answer instead of doing it twice.";
            if (ex.Kind == PolytomicErrorKind.SchemaCacheNotReady)
                return "Wait longer with -TimeoutSeconds, or check the source with Get-PolytomicSchemaStatus / Update-PolytomicSchema.";
            if (ex.Kind == PolytomicErrorKind.ReadOnly)
                return "This session was connected read-only (-ReadOnly or a read-only profile); connect without it to make changes.";
            if (ex.Kind == PolytomicErrorKind.PagingLoop)
                return "The items written before this error are complete pages; narrow the list (-Name, -First) or report the repeating token to Polytomic.";
            switch (ex.StatusCode)
            {
                case 401: return "Check the API key given to Connect-Polytomic (or POLYTOMIC_API_KEY).";
                case 403: return "The key's role does not allow this; ask an organization admin.";
                case 404: return "Check the id; the matching Get-Polytomic* cmdlet lists what exists.";
                case 429: return "Polytomic is rate limiting this key; wait and run the command again.";
            }
            return ex.StatusCode >= 500 || ex.Kind == PolytomicErrorKind.Transport || ex.Kind == PolytomicErrorKind.Timeout
                ? "Polytomic could not be reached or failed; run the command again later." : null;
        }

        /// <summary>A change refused by a read-only session, naming the command that asked for it.</summary>
        public static ErrorRecord ReadOnly(string command, PolytomicApiException ex, object? target)
        {
            var message = $"{command}: {ex.Message}";
            var record = new ErrorRecord(new PolytomicApiException(ex.Kind, message, method: ex.Method, path: ex.Path, attempts: 0),
                "ReadOnlySession", ErrorCategory.PermissionDenied, target);
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = RecommendedAction(ex) };
            record.CategoryInfo.Activity = command;
            return record;
        }

        /// <summary>The ErrorId of one failed attempt, for the trace and the request history.</summary>
        public static string? AttemptErrorId(int? status, Exception? failure)
        {
            if (failure is PolytomicApiException api) return Classify(api).Id;
            if (status != null) return Classify(new PolytomicApiException(PolytomicErrorKind.Http, "", status)).Id;
            if (failure is OperationCanceledException || failure?.GetType().Name == "TimeoutRejectedException") return "PolytomicApi.Timeout";
            return failure == null ? null : "PolytomicApi.ConnectionFailed";
        }

        /// <summary>A profile problem: a missing profile, one that exists already, an unreadable file or key source.</summary>
        public static ErrorRecord FromProfile(PolytomicInputException ex) => new ErrorRecord(ex, ex.ErrorId, ex.ErrorId switch
        {
            "ProfileNotFound" or "ProfileKeyNotFound" or "SecretManagementNotAvailable" or "AutomationNotAvailable" or "TracePathNotFound" => ErrorCategory.ObjectNotFound,
            "ProfileExists" => ErrorCategory.ResourceExists,
            "ProfileFileInvalid" or "ProfileKeyUnreadable" => ErrorCategory.InvalidData,
            "ProfileFileIsLink" => ErrorCategory.SecurityError,
            "ProfileFileWriteFailed" => ErrorCategory.WriteError,
            _ => ErrorCategory.InvalidArgument,
        }, ex.Target);

        /// <summary>Bad input found before any request.</summary>
        public static ErrorRecord Input(string errorId, string message, ErrorCategory category, object? target, string? recommendedAction = null)
        {
            var record = new ErrorRecord(new PolytomicInputException(errorId, message, null, target), errorId, category, target);
            if (recommendedAction != null) record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction };
            return record;
        }

        /// <summary>An error about an object a command waited for or acted on (a run, a job, a query): its TargetObject is
        /// that object, so scripts can read what happened to it. The exception is <paramref name="inner"/> (the API's
        /// answer), else one carrying the message.</summary>
        public static ErrorRecord About(object? target, string errorId, ErrorCategory category, string message, string? recommendedAction = null,
            Exception? inner = null)
        {
            var record = new ErrorRecord(inner ?? new InvalidOperationException(message), errorId, category, target);
            if (recommendedAction != null || inner != null)
                record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction ?? "" };
            return record;
        }

        /// <summary>An exception of the module's own (a workspace error, a refused base URL) under its stable ErrorId.</summary>
        public static ErrorRecord FromException(Exception ex, string errorId, ErrorCategory category, object? target) =>
            new ErrorRecord(ex, errorId, category, target);

        public static ErrorRecord FromInput(PolytomicInputException ex) =>
            new ErrorRecord(ex, ex.ErrorId, ErrorCategory.InvalidArgument, ex.Target);

        /// <summary>A workspace problem: a missing folder, map target or reference is ObjectNotFound, a failed export
        /// WriteError, anything wrong with the folder's files InvalidData.</summary>
        public static ErrorRecord FromWorkspace(Polytomic.Workspace.WorkspaceException ex) => new ErrorRecord(ex, ex.ErrorId, ex.ErrorId switch
        {
            "WorkspaceManifestNotFound" or "ConnectionMapTargetNotFound" or "UnresolvedReference" => ErrorCategory.ObjectNotFound,
            "WorkspaceWriteFailed" => ErrorCategory.WriteError,
            _ => ErrorCategory.InvalidData,
        }, ex.Target);

        /// <summary>One problem of a workspace file, with the file as its target.</summary>
        public static ErrorRecord FromWorkspace(Polytomic.Workspace.WorkspaceProblem p) =>
            new ErrorRecord(new Polytomic.Workspace.WorkspaceException(p.ErrorId, p.ToString(), p.File), p.ErrorId, ErrorCategory.InvalidData, p.File);

        public static ErrorRecord NotFound(string errorId, string what, string name) =>
            Input(errorId, $"No {what} matches '{name}'.", ErrorCategory.ObjectNotFound, name);

        /// <summary>Reads Polytomic's metadata.used_by list ("connection in use").</summary>
        public static IEnumerable<string> UsedBy(PolytomicApiException ex)
        {
            if (!ex.Metadata.TryGetValue("used_by", out var v) || !(v is IEnumerable list)) yield break;
            foreach (var item in list)
            {
                if (item is IDictionary<string, object?> d)
                {
                    d.TryGetValue("type", out var type);
                    d.TryGetValue("name", out var name);
                    d.TryGetValue("id", out var id);
                    yield return $"{type} '{name}' ({id})";
                }
            }
        }
    }
}
