using System;
using System.Collections;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Test-PolytomicConnection: asks Polytomic to test a stored connection (optionally with changed fields)
    /// or a configuration that is not saved. Nothing is stored.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "PolytomicConnection", DefaultParameterSetName = Existing)]
    [OutputType(typeof(PolytomicConnectionTestResult), typeof(bool))]
    public sealed class TestPolytomicConnectionCommand : PolytomicCmdlet
    {
        public const string Existing = "Existing";
        public const string Unsaved = "Unsaved";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = Existing, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = Unsaved)]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Type { get; set; }

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
