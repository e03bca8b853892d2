using System.Collections;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicConnection: creates a connection after checking its configuration against the type's schema.</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicConnection", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicConnection))]
    public sealed class NewPolytomicConnectionCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string Type { get; set; } = "";

        /// <summary>The type's configuration fields; SecureString values are sent as their text.</summary>
        [Parameter(Position = 2)]
        public IDictionary? Configuration { get; set; }

        /// <summary>Where an OAuth flow returns after the user signs in.</summary>
        [Parameter]
        public System.Uri? RedirectUrl { get; set; }

        /// <summary>How often Polytomic checks the connection, as a Go duration such as "3h30m".</summary>
        [Parameter]
        public string? HealthcheckInterval { get; set; }

        [Parameter]
        public string[]? Policy { get; set; }

        [Parameter]
        public string? OrganizationId { get; set; }

        /// <summary>Create it without Polytomic testing it first.</summary>
        [Parameter]
        public SwitchParameter SkipValidation { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            var config = PSInput.ToDictionary(Configuration, nameof(Configuration));
            var schema = GetTypeSchema(Type);
            ConnectionConfiguration.Check(schema, Type, config, WriteWarning);
            if (!ShouldProcess(Name, $"Create {Type} connection")) return;

            var created = Await((c, ct) => c.CreateConnectionAsync(new ConnectionRequest
            {
                Name = Name,
                Type = Type,
                Configuration = config,
                RedirectUrl = RedirectUrl?.ToString(),
                HealthcheckInterval = HealthcheckInterval,
                Policies = Policy == null ? null : new System.Collections.Generic.List<string>(Policy),
                OrganizationId = OrganizationId,
                Validate = SkipValidation ? false : (bool?)null,
            }, ct));
            CurrentSession.Completion.Invalidate("connections");
            if (!string.IsNullOrEmpty(created.AuthUrl))
                WriteWarning($"Connection '{created.Name}' uses OAuth: open its AuthUrl in a browser to finish connecting it: {created.AuthUrl}");
            WriteObject(created);
        }
    }
}
