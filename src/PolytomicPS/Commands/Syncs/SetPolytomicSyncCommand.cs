using System.Collections;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicSync: changes only what is passed. Polytomic's PUT replaces the whole sync, so the current
    /// one is read first and the change merged over it.</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicSync", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSync))]
    public sealed class SetPolytomicSyncCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>The model that -Field and -Identity names refer to (default: the sync's first model).</summary>
        [Parameter]
        [IdTransformation]
        public string? Model { get; set; }

        [Parameter]
        [ValidateSet("create", "update", "updateOrCreate", "replace", "append", "remove", "snapshot", IgnoreCase = true)]
        public string? Mode { get; set; }

        /// <summary>A new identity pair: @{ email = 'Email' }.</summary>
        [Parameter]
        public IDictionary? Identity { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(IdentityFunctionCompleter))]
        public string? IdentityFunction { get; set; }

        /// <summary>Replaces the whole field mapping.</summary>
        [Parameter]
        public object[]? Field { get; set; }

        /// <summary>Replaces the filters (an empty array removes them).</summary>
        [Parameter]
        public object[]? Filter { get; set; }

        [Parameter]
        public string? FilterLogic { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ScheduleFrequencyCompleter))]
        public string? Frequency { get; set; }

        [Parameter]
        public IDictionary? Schedule { get; set; }

        /// <summary>A new target object on the same connection (or with -Target, another one).</summary>
        [Parameter]
        [Alias("TargetObject")]
        public string? Object { get; set; }

        [Parameter]
        [Alias("TargetConnectionId")]
        [IdTransformation]
        public string? Target { get; set; }

        [Parameter]
        public SwitchParameter Active { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var current = Await((c, ct) => c.GetSyncAsync(Id, ct));
            var request = SyncRequest.From(current);
            var model = Model ?? current.ModelIds?.FirstOrDefault() ?? "";
            if (NewName != null) request.Name = NewName;
            if (Mode != null) request.Mode = SyncInput.Mode(Mode);
            if (Identity != null) request.Identity = SyncInput.Identity(Identity, IdentityFunction ?? current.Identity?.Function, model);
            else if (IdentityFunction != null && request.Identity != null) request.Identity.Function = SyncInput.IdentityFunction(IdentityFunction);
            if (Field != null) request.Fields = SyncInput.Fields(Field, model);
            if (Filter != null) request.Filters = SyncInput.Filters(Filter, model);
            if (FilterLogic != null) request.FilterLogic = FilterLogic;
            if (Frequency != null || Schedule != null)
                request.Schedule = SyncInput.Schedule(Frequency ?? current.Schedule?.Frequency ?? "manual", Schedule, Frequency != null ? null : current.Schedule);
            if (Object != null || Target != null)
                request.Target = new SyncTarget { ConnectionId = Target ?? current.TargetConnectionId, Object = Object ?? current.TargetObject };
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Active))) request.Active = Active.IsPresent;
            SyncInput.RequireIdentity(request.Mode ?? "", request.Identity);
            SyncInput.RequireFields(request.Fields);

            if (!ShouldProcess($"{current.Name} ({Id})", "Update sync")) return;
            var updated = Await((c, ct) => c.UpdateSyncAsync(Id, request, ct));
            CurrentSession.Completion.Invalidate("syncs");
            if (PassThru) WriteObject(updated);
        }
    }
}
