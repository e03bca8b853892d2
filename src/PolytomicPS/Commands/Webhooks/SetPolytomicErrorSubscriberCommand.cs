using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicErrorSubscriber: replaces the global error subscribers (-Email), or adds and removes some
    /// (-Add/-Remove, read-modify-write: the PUT replaces the list).</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicErrorSubscriber", SupportsShouldProcess = true, DefaultParameterSetName = Replace)]
    [OutputType(typeof(PolytomicErrorSubscribers))]
    public sealed class SetPolytomicErrorSubscriberCommand : PolytomicCmdlet
    {
        public const string Replace = "Replace";
        public const string Change = "Change";

        /// <summary>The complete list (an empty array clears it).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = Replace)]
        [AllowEmptyCollection]
        public string[] Email { get; set; } = new string[0];

        /// <summary>Addresses to add.</summary>
        [Parameter(ParameterSetName = Change)]
        public string[]? Add { get; set; }

        /// <summary>Addresses to remove.</summary>
        [Parameter(ParameterSetName = Change)]
        public string[]? Remove { get; set; }

        /// <summary>Output the resulting list.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            List<string> emails;
            if (ParameterSetName == Replace) emails = Email.ToList();
            else
            {
                emails = Await((c, ct) => c.GetErrorSubscribersAsync(ct)).Emails;
                foreach (var a in Add ?? new string[0])
                    if (!emails.Contains(a, StringComparer.OrdinalIgnoreCase)) emails.Add(a);
                if (Remove != null) emails.RemoveAll(e => Remove.Contains(e, StringComparer.OrdinalIgnoreCase));
            }
            var bad = emails.Where(e => e.IndexOf('@') <= 0).ToList();
            if (bad.Count > 0)
                throw new Polytomic.PolytomicInputException("InvalidEmail", $"Not an email address: {string.Join(", ", bad)}.", "Email", bad[0]);
            if (!ShouldProcess(string.Join(", ", emails), "Set global error subscribers")) return;
            var result = Await((c, ct) => c.SetErrorSubscribersAsync(emails, ct));
            if (PassThru) WriteObject(result);
        }
    }
}
