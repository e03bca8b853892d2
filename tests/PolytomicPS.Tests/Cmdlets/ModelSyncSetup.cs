using System.Management.Automation;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>What the model and the sync tests share: their set-up script and their error check.</summary>
    internal static class ModelSyncSetup
    {
        /// <summary>A ready Snowflake source, a Salesforce target and a model over PUBLIC.users.</summary>
        public const string Setup = @"
$sf = New-PolytomicConnection -Name ('sf-' + [guid]::NewGuid()) -Type snowflake -Configuration @{ account='a'; username='u'; password='p'; dbname='d' } |
    Wait-PolytomicConnection -PollIntervalSeconds 0.05
$crm = New-PolytomicConnection -Name ('crm-' + [guid]::NewGuid()) -Type salesforce -Configuration @{ domain = 'https://x.my.salesforce.com' } -WarningAction SilentlyContinue
$model = $sf | New-PolytomicModel -Name 'Users' -Table PUBLIC.users
";

        public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        public static void AssertError(PsResult r, string errorId, ErrorCategory category, string? message = null)
        {
            var e = r.SingleError();
            Assert.StartsWith(errorId + ",", e.FullyQualifiedErrorId);
            Assert.Equal(category, e.CategoryInfo.Category);
            if (message != null) Assert.Contains(message, e.Exception.Message);
        }

        /// <summary>Refused with <paramref name="errorId"/> (InvalidArgument) and nothing created.</summary>
        public static void AssertRefusedBeforeAnyRequest(SandboxFixture sandbox, string command, string errorId)
        {
            var name = Unique("refused");
            var r = Ps.Run(Setup + command.Replace("-Name s ", $"-Name {name} "), sandbox);
            AssertError(r, errorId, ErrorCategory.InvalidArgument);
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Method == "POST" && x.Path == "/api/syncs" && x.Body.Contains(name));
        }

        /// <summary>Polytomic's 400, reported as BadRequest with its message.</summary>
        public static void AssertApiValidationError(SandboxFixture sandbox, string command, string message) =>
            AssertError(Ps.Run(Setup + command, sandbox), "PolytomicApi.BadRequest", ErrorCategory.InvalidArgument, message);

        /// <summary>An unknown id, with a CRM connection at hand as $crm: PolytomicApi.NotFound.</summary>
        public static void AssertUnknownIdNotFound(SandboxFixture sandbox, string command) =>
            AssertError(Ps.Run("$crm = New-PolytomicConnection -Name crm -Type salesforce -Configuration @{ domain = 'https://x.my.salesforce.com' } -WarningAction SilentlyContinue\n" + command, sandbox),
                "PolytomicApi.NotFound", ErrorCategory.ObjectNotFound);
    }
}
