using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicConnection: changes only what is passed. Polytomic's PUT replaces the whole connection,
    /// so the current one is read first and the change merged over it.</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicConnection", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicConnection))]
    public sealed class SetPolytomicConnectionCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>A new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>Fields to change; the others keep their values. Secrets shown as ******** are kept as they are.</summary>
        [Parameter]
        public IDictionary? Configuration { get; set; }

        [Parameter]
        public Uri? RedirectUrl { get; set; }

        [Parameter]
        public string? HealthcheckInterval { get; set; }

        [Parameter]
        public string[]? Policy { get; set; }

        /// <summary>Start a new OAuth flow (the output's AuthUrl).</summary>
        [Parameter]
        public SwitchParameter Reconnect { get; set; }

        [Parameter]
        public SwitchParameter SkipValidation { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var change = PSInput.ToDictionary(Configuration, nameof(Configuration));
            var current = Await((c, ct) => c.GetConnectionAsync(Id, ct));
            if (!ShouldProcess($"{current.Name} ({Id})", "Update connection")) return;

            var config = new Dictionary<string, object?>(current.Configuration, StringComparer.OrdinalIgnoreCase);
            foreach (var kv in change) config[kv.Key] = kv.Value;
            var updated = Await((c, ct) => c.UpdateConnectionAsync(Id, new ConnectionRequest
            {
                Name = NewName ?? current.Name,
                Type = current.Type,
                Configuration = config,
                RedirectUrl = RedirectUrl?.ToString(),
                HealthcheckInterval = HealthcheckInterval ?? current.HealthcheckInterval,
                Policies = Policy != null ? new List<string>(Policy) : current.Policies,
                Reconnect = Reconnect ? true : (bool?)null,
                Validate = SkipValidation ? false : (bool?)null,
            }, ct));
            CurrentSession.Completion.Invalidate("connections");
            if (Reconnect && !string.IsNullOrEmpty(updated.AuthUrl))
                WriteWarning($"Open the AuthUrl in a browser to reconnect '{updated.Name}': {updated.AuthUrl}");
            if (PassThru) WriteObject(updated);
        }
    }
}
