using System.Collections;
using System.Management.Automation;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Creates a Polytomic connection.</summary>
    /// <remarks>
    /// <para>New-PolytomicConnection reads the type's configuration schema first and stops with MissingRequiredConfiguration when a required field is missing (unknown fields are a warning), so mistakes are caught before anything is created. Polytomic then tests the connection unless -SkipValidation is given.</para>
    /// <para>Names identify connections in scripts and in workspace files, so a name that already exists is refused with ConnectionNameExists (ResourceExists; the error's TargetObject is the existing connection) and nothing is created: a runbook that runs twice does not make duplicates. This holds for runs at the same time too (parallel runspaces, overlapping jobs): after the create the name is checked again, and when another run created it first, this command deletes its own copy and stops with ConnectionNameExists. -Force creates a second connection with the same name anyway. The same rule holds for models, syncs and bulk syncs.</para>
    /// <para>For OAuth types (Salesforce, HubSpot, ...) the output carries an AuthUrl to open in a browser to finish connecting, and a warning says so.</para>
    /// <para>Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// New-PolytomicConnection -Name Warehouse -Type postgresql -Configuration @{
    ///     hostname = 'db.example.com'; port = 5432; database = 'analytics'
    ///     username = 'polytomic'; password = $dbPassword
    /// }
    /// </code>
    /// <para>Creates a PostgreSQL connection; $dbPassword can be a SecureString.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-PolytomicConnection -Name CRM -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -RedirectUrl https://example.com/done
    /// </code>
    /// <para>Creates an OAuth connection; open the AuthUrl of the output to sign in.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-PolytomicConnection Warehouse postgresql @{ hostname = 'db'; database = 'analytics'; username = 'polytomic'; password = $dbPassword } -WhatIf
    /// </code>
    /// <para>Checks the configuration against the schema and shows what would be created, without creating it.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $warehouse = Get-PolytomicConnection -Name Warehouse -ErrorAction SilentlyContinue
    /// if (-not $warehouse) { $warehouse = New-PolytomicConnection -Name Warehouse -Type postgresql -Configuration $config }
    /// </code>
    /// <para>Get-or-create, for scripts that run more than once (New- alone would stop with ConnectionNameExists the second time).</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicConnection", HelpUri = HelpLinks.Cmdlets + "New-PolytomicConnection.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicConnection))]
    public sealed class NewPolytomicConnectionCommand : PolytomicCmdlet
    {
        /// <summary>The name of the new connection.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The connection type id (snowflake, postgresql, salesforce, ...). Tab completes the types; Get-PolytomicConnectionType lists them.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string Type { get; set; } = "";

        /// <summary>The type's configuration fields as a hashtable. SecureString values are sent as their text. Get-PolytomicConnectionType -Type &lt;type&gt; lists the fields.</summary>
        [Parameter(Position = 2)]
        public IDictionary? Configuration { get; set; }

        /// <summary>For OAuth types: where the browser returns after the user signs in.</summary>
        [Parameter]
        public System.Uri? RedirectUrl { get; set; }

        /// <summary>How often Polytomic checks the connection, as a duration such as 3h30m.</summary>
        [Parameter]
        public string? HealthcheckInterval { get; set; }

        /// <summary>Ids of the permission policies to apply to the connection.</summary>
        [Parameter]
        public string[]? Policy { get; set; }

        /// <summary>The organization to create the connection in (partner keys only).</summary>
        [Parameter]
        public string? OrganizationId { get; set; }

        /// <summary>Create the connection without Polytomic testing it first.</summary>
        [Parameter]
        public SwitchParameter SkipValidation { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        /// <summary>Create the connection even though one with this name exists (Polytomic allows it; scripts and workspace files then cannot tell the two apart by name).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            var config = PSInput.ToDictionary(Configuration, nameof(Configuration));
            var schema = GetTypeSchema(Type);
            ConnectionConfiguration.Check(schema, Type, config, WriteWarning);
            // A re-run script must not make a second connection of the same name: names are how scripts and workspace
            // files find connections.
            // A rerun with the caller's -IdempotencyKey gets Polytomic's first answer back, which may be the object of this
            // name: the check after the create settles it instead.
            if (!Force && IdempotencyKey == null && NameTaken(NameClaim.Connections, Name, organizationId: OrganizationId)) return;
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
            }, ct, OneRequestKey(IdempotencyKey)));
            CurrentSession.Completion.Invalidate("connections");
            // Another run may have created the name at the same time: one of the two copies stays (NameClaim).
            if (!Force && !NameKept(NameClaim.Connections, Name, created.Id)) return;
            if (!string.IsNullOrEmpty(created.AuthUrl))
                WriteWarning($"Connection '{created.Name}' uses OAuth: open its AuthUrl in a browser to finish connecting it: {created.AuthUrl}");
            WriteObject(created);
        }
    }
}
