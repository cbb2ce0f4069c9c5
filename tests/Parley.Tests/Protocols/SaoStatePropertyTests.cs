using CsCheck;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;

namespace Parley.Tests.Protocols;

public class SaoStatePropertyTests
{
    [Fact]
    public void Apply_AnyOfferAcceptSequence_KeepsTurnOrderAndAgreesExactlyAfterAllOthersAccept()
    {
        Gen.Int[2, 6].SelectMany(n => Gen.Int[0, 3].Array[1, 60].Select(moves => (n, moves))).Sample(input =>
        {
            var (n, moves) = input;
            var state = SaoState.Initial(n);
            int acceptsInARow = 0;
            foreach (int move in moves)
            {
                if (state.Status != NegotiationStatus.Running) break;
                int turn = state.Turn;
                Assert.Equal(state.Step % n, turn);
                bool canAccept = state.StandingOffer is not null && state.Proposer != turn;
                if (move == 0 && canAccept)
                {
                    state = state.Apply(NegotiationAction.Accept);
                    acceptsInARow++;
                }
                else
                {
                    state = state.Apply(NegotiationAction.Offer, new Outcome((UInt128)move));
                    Assert.Equal(turn, state.Proposer);
                    acceptsInARow = 0;
                }
                Assert.Equal(acceptsInARow, state.Acceptances);
                Assert.Equal(acceptsInARow == n - 1, state.Status == NegotiationStatus.Agreed);
            }
        });
    }
}
