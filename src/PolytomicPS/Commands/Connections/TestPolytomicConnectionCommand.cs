using System;
using System.Collections;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Tests a Polytomic connection, or a configuration before it is saved.</summary>
    /// <remarks>
    /// <para>Test-PolytomicConnection asks Polytomic to test a stored connection (optionally with some fields changed) or, with -Type and -Configuration, a configuration that is not saved. Nothing is stored. A failed test is a result with Success = False and the reason in Message, not an error; -Quiet outputs only $true or $false.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection | Test-PolytomicConnection
    /// </code>
    /// <para>Tests every connection and shows which ones work.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Test-PolytomicConnection -Type postgresql -Configuration @{ hostname = 'db'; database = 'analytics'; username = 'u'; password = $pw } -Quiet
    /// </code>
    /// <para>Tests a configuration before creating the connection; outputs True or False.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "PolytomicConnection", HelpUri = HelpLinks.Cmdlets + "Test-PolytomicConnection.md", DefaultParameterSetName = Existing)]
    [OutputType(typeof(PolytomicConnectionTestResult), typeof(bool))]
    public sealed class TestPolytomicConnectionCommand : PolytomicCmdlet
    {
        public const string Existing = "Existing";
        public const string Unsaved = "Unsaved";

        /// <summary>The id of the connection to test. Takes objects with an Id or ConnectionId property from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = Existing, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Id { get; set; }

        /// <summary>The connection type of an unsaved configuration to test. Tab completes the types.</summary>
        [Parameter(Mandatory = true, ParameterSetName = Unsaved)]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Type { get; set; }

        /// <summary>The configuration to test: for a stored connection, fields that override its saved ones; with -Type, the whole configuration.</summary>
        [Parameter(ParameterSetName = Existing)]
        [Parameter(Mandatory = true, ParameterSetName = Unsaved)]
        public IDictionary? Configuration { get; set; }

        /// <summary>Output only $true or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override object? ErrorTarget => Id ?? Type;

        protected override void ProcessItem()
        {
            var config = PSInput.ToDictionary(Configuration, nameof(Configuration));
            var type = Type;
            if (ParameterSetName == Existing)
            {
                var current = Await((c, ct) => c.GetConnectionAsync(Id!, ct));
                type = current.Type;
            }
            else
            {
                ConnectionConfiguration.Check(GetTypeSchema(type!), type!, config, WriteWarning);
            }

            var result = new PolytomicConnectionTestResult { ConnectionId = Id, Type = type };
            try
            {
                Await((c, ct) => c.TestConnectionAsync(new TestConnectionRequest { Type = type, Configuration = config, ConnectionId = Id }, ct));
                result.Success = true;
                result.Message = "The connection works.";
            }
            catch (PolytomicApiException ex) when (ex.StatusCode == 400 || ex.StatusCode == 422)
            {
                // A failed test is the answer, not an error of the cmdlet.
                result.Success = false;
                result.Message = ex.ApiMessage ?? ex.Message;
            }
            if (Quiet) WriteObject(result.Success); else WriteObject(result);
        }
    }
}
