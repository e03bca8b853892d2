using System;
using System.Collections.Generic;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Creates a Polytomic Connect URL where someone else enters a connection's credentials.</summary>
    /// <remarks>
    /// <para>New-PolytomicConnectUrl calls POST /api/connections/connect/ and outputs a PolytomicConnectUrl. Send its RedirectUrl to the person who holds the credentials: they open Polytomic's embedded Connect form, create (or, with -ConnectionId, update) the connection there, and their browser then returns to -RedirectUrl. Nobody has to pass secrets to the script.</para>
    /// <para>-Type preselects one connection type and -AllowedType limits the choice; an unknown type is PolytomicApi.BadRequest. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// (New-PolytomicConnectUrl -Name 'Customer DB' -RedirectUrl https://app.example.com/done -AllowedType postgresql, mysql).RedirectUrl
    /// </code>
    /// <para>Creates a link that lets a customer connect their PostgreSQL or MySQL database.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name 'Customer DB' | New-PolytomicConnectUrl -Name 'Customer DB' -RedirectUrl https://app.example.com/done -Dark
    /// </code>
    /// <para>Creates a dark-themed link for updating the credentials of an existing connection.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicConnectUrl", HelpUri = HelpLinks.Cmdlets + "New-PolytomicConnectUrl.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicConnectUrl))]
    public sealed class NewPolytomicConnectUrlCommand : PolytomicCmdlet
    {
        /// <summary>The name of the connection created through the URL.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>Where the browser goes once the user has finished.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public Uri? RedirectUrl { get; set; }

        /// <summary>Preselect this connection type. Tab completes the types.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string? Type { get; set; }

        /// <summary>Offer only these connection types. Tab completes the types.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string[]? AllowedType { get; set; }

        /// <summary>Show the Connect form with the dark theme.</summary>
        [Parameter]
        public SwitchParameter Dark { get; set; }

        /// <summary>An existing connection to update instead of creating one; connections pipe in by ConnectionId.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Connection)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? ConnectionId { get; set; }

        /// <summary>The organization the connection belongs to; for partner callers only.</summary>
        [Parameter]
        public string? OrganizationId { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

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
            }, ct, OneRequestKey(IdempotencyKey))));
        }
    }
}
