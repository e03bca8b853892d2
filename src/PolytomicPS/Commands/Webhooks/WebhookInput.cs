using System;
using System.Management.Automation;
using System.Security;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    internal static class WebhookInput
    {
        public static void CheckEndpoint(Uri endpoint)
        {
            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
                throw new Polytomic.PolytomicInputException("InvalidWebhookEndpoint", $"The endpoint '{endpoint}' must be an absolute http(s) URL.", "Endpoint", endpoint.ToString());
        }
    }
}
