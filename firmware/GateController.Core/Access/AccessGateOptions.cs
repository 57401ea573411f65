using GateController.Core.Privacy;

namespace GateController.Core.Access;

/// <summary>Settings of one door's <see cref="AccessGate"/>: its policies, keypad lockout, second-factor waits and withdrawal at the gate.</summary>
public sealed class AccessGateOptions
{
    /// <summary>Longest second-factor wait accepted.</summary>
    public static readonly TimeSpan LongestSecondFactorTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The door's policy for residents without an access group and for unknown credentials; required.</summary>
    public DoorPolicy? DefaultPolicy { get; set; }

    /// <summary>The door's policy per access group; each must govern the same door as <see cref="DefaultPolicy"/>.</summary>
    public IReadOnlyDictionary<string, DoorPolicy> GroupPolicies { get; set; } = new Dictionary<string, DoorPolicy>(StringComparer.Ordinal);

    /// <summary>Keypad lockout and duress settings.</summary>
    public PinAttemptOptions PinAttempts { get; set; } = new();

    /// <summary>How long a card waits for its holder's PIN at a card+PIN door (default 10 s).</summary>
    public TimeSpan PinAfterCardTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a card waits for its holder's face at a card+face door (default 10 s).</summary>
    public TimeSpan FaceAfterCardTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The key sequence that withdraws face consent at this door's keypad.</summary>
    public GateWithdrawalOptions Withdrawal { get; set; } = new();

    /// <summary>Every problem, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (DefaultPolicy is null)
        {
            problems.Add($"{nameof(DefaultPolicy)}: a door needs a default policy");
        }

        if (GroupPolicies is null)
        {
            problems.Add($"{nameof(GroupPolicies)}: must not be null (use an empty dictionary)");
        }
        else
        {
            foreach (var (group, policy) in GroupPolicies)
            {
                if (string.IsNullOrWhiteSpace(group))
                {
                    problems.Add($"{nameof(GroupPolicies)}: an access group needs a name");
                }

                if (policy is null)
                {
                    problems.Add($"{nameof(GroupPolicies)}: group '{group}' has no policy");
                }
                else if (DefaultPolicy is not null && policy.DoorId != DefaultPolicy.DoorId)
                {
                    problems.Add($"{nameof(GroupPolicies)}: the policy of group '{group}' governs {policy.DoorId}, not {DefaultPolicy.DoorId}");
                }
            }
        }

        if (PinAttempts is null)
        {
            problems.Add($"{nameof(PinAttempts)}: must not be null");
        }
        else
        {
            problems.AddRange(PinAttempts.Validate().Select(p => $"{nameof(PinAttempts)}.{p}"));
        }

        if (PinAfterCardTimeout <= TimeSpan.Zero || PinAfterCardTimeout > LongestSecondFactorTimeout)
        {
            problems.Add($"{nameof(PinAfterCardTimeout)}: {PinAfterCardTimeout} must be positive and at most {LongestSecondFactorTimeout}");
        }

        if (FaceAfterCardTimeout <= TimeSpan.Zero || FaceAfterCardTimeout > LongestSecondFactorTimeout)
        {
            problems.Add($"{nameof(FaceAfterCardTimeout)}: {FaceAfterCardTimeout} must be positive and at most {LongestSecondFactorTimeout}");
        }

        if (Withdrawal is null)
        {
            problems.Add($"{nameof(Withdrawal)}: must not be null");
        }
        else
        {
            problems.AddRange(Withdrawal.Validate().Select(p => $"{nameof(Withdrawal)}.{p}"));
        }

        return problems;
    }
}
