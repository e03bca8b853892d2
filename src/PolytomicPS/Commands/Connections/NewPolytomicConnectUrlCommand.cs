using System;
using System.Collections.Generic;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicConnectUrl: a Polytomic Connect URL where someone else enters a connection's credentials
    /// (the embedded Connect modal); they return to -RedirectUrl.</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicConnectUrl", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicConnectUrl))]
    public sealed class NewPolytomicConnectUrlCommand : PolytomicCmdlet
    {
        /// <summary>The name of the connection to create.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>Where the browser goes when the user is done.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public Uri? RedirectUrl { get; set; }

        /// <summary>Preselect one connection type.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string? Type { get; set; }

        /// <summary>Offer only these connection types.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string[]? AllowedType { get; set; }

        /// <summary>Dark theme.</summary>
        [Parameter]
        public SwitchParameter Dark { get; set; }

        /// <summary>An existing connection to update instead of creating one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        public string? ConnectionId { get; set; }

        /// <summary>Partner callers only: the organization.</summary>
        [Parameter]
        public string? OrganizationId { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Name, "Create Connect URL")) return;
            WriteObject(Await((c, ct) => c.CreateConnectUrlAsync(new ConnectCardRequest
            {
                Name = Name,
                RedirectUrl = RedirectUrl!.ToString(),
                Type = Type,
                Whitelist = AllowedType == null ? null : new List<string>(AllowedType),
                Dark = Dark.IsPresent ? true : (bool?)null,
                Connection = string.IsNullOrEmpty(ConnectionId) ? null : ConnectionId,
                OrganizationId = OrganizationId,
            }, ct)));
        }
    }
}
