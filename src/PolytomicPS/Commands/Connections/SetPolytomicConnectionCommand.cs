using System;
using System.Linq;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Changes a Polytomic connection.</summary>
    /// <remarks>
    /// <para>Set-PolytomicConnection changes only what is passed. Polytomic replaces a connection as a whole, so the current connection is read first and the change merged over it: configuration fields not in -Configuration keep their values, and secrets shown as ******** are sent back unchanged.</para>
    /// <para>Supports -WhatIf and -Confirm. Outputs the updated connection with -PassThru.</para>
    /// <para>Concurrent changes: Polytomic's update replaces the whole connection, and the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicConnection calls racing on one connection can therefore lose one change: the second write puts back what the first one changed. Change one connection from one place at a time, and read it back (Get-PolytomicConnection) where that matters.</para>
    /// <para>-NewName into a name another connection has is refused with ConnectionNameExists (ResourceExists; the TargetObject is that connection) and nothing is changed, unless -Force is given.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Warehouse | Set-PolytomicConnection -Configuration @{ port = 5433 } -PassThru
    /// </code>
    /// <para>Changes one field and keeps the others.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicConnection -Id $conn.Id -NewName 'Warehouse (old)'
    /// </code>
    /// <para>Renames a connection.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicConnection -Id $crm.Id -Reconnect -PassThru | Select-Object -ExpandProperty AuthUrl
    /// </code>
    /// <para>Starts a new OAuth sign-in and shows the URL to open.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicConnection", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicConnection.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicConnection))]
    public sealed class SetPolytomicConnectionCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection to change. Takes objects with an Id or ConnectionId property from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>A new name for the connection.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>Configuration fields to change, as a hashtable; the other fields keep their values.</summary>
        [Parameter]
        public IDictionary? Configuration { get; set; }

        /// <summary>For OAuth types: where the browser returns after the user signs in again.</summary>
        [Parameter]
        public Uri? RedirectUrl { get; set; }

        /// <summary>How often Polytomic checks the connection, as a duration such as 3h30m.</summary>
        [Parameter]
        public string? HealthcheckInterval { get; set; }

        /// <summary>Ids of the permission policies to apply; replaces the current list.</summary>
        [Parameter]
        public string[]? Policy { get; set; }

        /// <summary>Start a new OAuth flow; the output (with -PassThru) carries the AuthUrl to open.</summary>
        [Parameter]
        public SwitchParameter Reconnect { get; set; }

        /// <summary>Save the change without Polytomic testing the connection first.</summary>
        [Parameter]
        public SwitchParameter SkipValidation { get; set; }

        /// <summary>Output the updated connection.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>With -NewName: rename even though another connection has that name (Polytomic allows it; scripts and workspace files then cannot tell the two apart by name).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var change = PSInput.ToDictionary(Configuration, nameof(Configuration));
            var current = Await((c, ct) => c.GetConnectionAsync(Id, ct));
            if (change.Count > 0 && current.Type != null)
            {
                var schema = GetTypeSchema(current.Type);
                ConnectionConfiguration.CheckTypos(schema, current.Type, ConnectionConfiguration.Unknown(schema, change));
            }
            var config = new Dictionary<string, object?>(current.Configuration, StringComparer.OrdinalIgnoreCase);
            foreach (var kv in change) config[kv.Key] = kv.Value;
            var request = new ConnectionRequest
            {
                Name = NewName ?? current.Name,
                Type = current.Type,
                Configuration = config,
                RedirectUrl = RedirectUrl?.ToString(),
                HealthcheckInterval = HealthcheckInterval ?? current.HealthcheckInterval,
                Policies = Policy != null ? new List<string>(Policy) : current.Policies,
                Reconnect = Reconnect ? true : (bool?)null,
                Validate = SkipValidation ? false : (bool?)null,
            };
            // Stored secrets read back as ******** and secrets passed as SecureStrings are shown only as changed.
            var secrets = current.Configuration.Where(kv => kv.Value as string == "********").Select(kv => kv.Key)
                .Concat(Configuration?.Keys.Cast<object>().Where(k => PSInput.Unwrap(Configuration[k]) is System.Security.SecureString).Select(k => k.ToString()!)
                    ?? Enumerable.Empty<string>())
                .Select(k => "configuration." + k);
            var before = new ConnectionRequest
            {
                Name = current.Name, Type = current.Type, Configuration = current.Configuration,
                HealthcheckInterval = current.HealthcheckInterval, Policies = current.Policies,
            };
            if (!Force && NewName != null && NewName != current.Name && NameTaken(NameClaim.Connections, NewName, current.Id)) return;
            if (!ShouldProcess($"{current.Name} ({Id})", ChangeText.Describe("Update connection", before, request, secrets))) return;
            var updated = Await((c, ct) => c.UpdateConnectionAsync(Id, request, ct));
            CurrentSession.Completion.Invalidate("connections");
            if (Reconnect && !string.IsNullOrEmpty(updated.AuthUrl))
                WriteWarning($"Open the AuthUrl in a browser to reconnect '{updated.Name}': {updated.AuthUrl}");
            if (PassThru) WriteObject(updated);
        }
    }
}
