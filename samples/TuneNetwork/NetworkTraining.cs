namespace TuneNetwork;

/// <summary>A network that diverged: its training loss stopped being a finite number.</summary>
/// <param name="epoch">The epoch (1-based) in which it happened.</param>
/// <param name="rate">The scheduled learning rate of the step that produced the loss.</param>
/// <param name="peak">The schedule's peak rate (the tuned hyperparameter).</param>
/// <param name="loss">The loss, NaN or infinite.</param>
public sealed class NetworkDivergedException(int epoch, double rate, double peak, double loss)
    : Exception(FormattableString.Invariant($"the network diverged: training loss {loss} in epoch {epoch} at learning rate {rate:G6} (peak learning rate {peak:G6})"))
{
    /// <summary>The epoch (1-based) in which the loss stopped being finite.</summary>
    public int Epoch { get; } = epoch;

    /// <summary>The learning rate of that step.</summary>
    public double Rate { get; } = rate;
}

/// <summary>
/// One network in training under one <see cref="NetworkConfig"/>: mini-batch steps through a seeded shuffle of the
/// training rows, the optimizer and schedule the configuration names, dropout and weight decay. Everything it does is
/// determined by the configuration and the seed, so training a configuration again reproduces the trial's network.
/// </summary>
public sealed class NetworkTraining
{
    private readonly LabelledSet train;
    private readonly Random random;
    private readonly int[] order;
    private float[][] gradients;
    private int position;

    /// <summary>A fresh network for <paramref name="config"/> on <paramref name="train"/>, seeded by <paramref name="seed"/>.</summary>
    public NetworkTraining(NetworkConfig config, LabelledSet train, int seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        this.train = train;
        Config = config;
        random = new Random(seed);
        order = [.. Enumerable.Range(0, train.Count)];
        Network = new Mlp(Digits.Inputs, config.Width, config.Depth, Digits.Classes, seed);
        Optimizer = Optimizer.For(config, Network);
        gradients = Network.NewLike();
        Schedule = LearningRateSchedule.For(config, StepsPerEpoch);
    }

    /// <summary>The hyperparameters it trains under.</summary>
    public NetworkConfig Config { get; private set; }

    /// <summary>The network.</summary>
    public Mlp Network { get; }

    /// <summary>The optimizer and its state.</summary>
    public Optimizer Optimizer { get; private set; }

    /// <summary>The learning-rate schedule over the configured epochs.</summary>
    public LearningRateSchedule Schedule { get; private set; }

    /// <summary>Epochs trained so far.</summary>
    public int EpochsDone { get; private set; }

    /// <summary>Mini-batch steps trained so far (the schedule's clock).</summary>
    public long StepsDone { get; private set; }

    /// <summary>Mini-batches per epoch (the last one may be smaller).</summary>
    public int StepsPerEpoch => (train.Count + Config.BatchSize - 1) / Config.BatchSize;

    /// <summary>Trains one epoch on the schedule's rates; returns the epoch's mean training loss.</summary>
    /// <exception cref="NetworkDivergedException">A mini-batch's loss was not finite.</exception>
    public double TrainEpoch()
    {
        random.Shuffle(order);
        position = 0;
        var epoch = EpochsDone + 1;
        var total = 0.0;
        for (var step = 0; step < StepsPerEpoch; step++)
        {
            var rate = Schedule.RateAt(StepsDone);
            var loss = Step(rate);
            if (!double.IsFinite(loss))
            {
                throw new NetworkDivergedException(epoch, rate, Config.LearningRate, loss);
            }

            total += loss;
        }

        EpochsDone = epoch;
        return total / StepsPerEpoch;
    }

    /// <summary>Trains one mini-batch (the next of the current shuffle, reshuffling when it runs out) at
    /// <paramref name="rate"/>, ignoring the schedule; returns the batch's loss before the update. The range test drives
    /// the network through this.</summary>
    public double Step(double rate)
    {
        if (position >= order.Length)
        {
            random.Shuffle(order);
            position = 0;
        }

        var count = Math.Min(Config.BatchSize, order.Length - position);
        var loss = Network.LossAndGradient(train, order.AsSpan(position, count), Config.Dropout, random, gradients);
        position += count;
        StepsDone++;
        if (double.IsFinite(loss))
        {
            Optimizer.Step(Network.Parameters, gradients, rate, Config.WeightDecay);
        }

        return loss;
    }

    /// <summary>Changes the hyperparameters from now on (population-based training does, between intervals): the
    /// network keeps its weights; the optimizer keeps its state unless the optimizer itself changed; the schedule is
    /// rebuilt for the new peak rate over <paramref name="totalEpochs"/>, at the step already reached.</summary>
    public void Reconfigure(NetworkConfig config, int totalEpochs)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Width != Config.Width || config.Depth != Config.Depth)
        {
            throw new ArgumentException("The architecture (width, depth) cannot change during training.", nameof(config));
        }

        var state = new MemoryStream();
        var keepState = config.Optimizer == Config.Optimizer;
        if (keepState)
        {
            using var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true);
            Optimizer.Save(writer);
        }

        Config = config;
        Optimizer = Optimizer.For(config, Network);
        if (keepState)
        {
            state.Position = 0;
            using var reader = new BinaryReader(state);
            Optimizer.Load(reader);
        }

        gradients = Network.NewLike();
        Schedule = LearningRateSchedule.For(config with { Epochs = totalEpochs }, StepsPerEpoch);
    }

    /// <summary>Writes the weights, the optimizer's state and the clocks.</summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(EpochsDone);
        writer.Write(StepsDone);
        foreach (var tensor in Network.Parameters)
        {
            writer.Write(tensor.Length);
            foreach (var value in tensor)
            {
                writer.Write(value);
            }
        }

        writer.Write(Config.Optimizer);
        Optimizer.Save(writer);
    }

    /// <summary>Reads what <see cref="Save"/> wrote (of this network or another of the same architecture).</summary>
    /// <exception cref="InvalidDataException">The checkpoint is of another architecture.</exception>
    public void Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        EpochsDone = reader.ReadInt32();
        StepsDone = reader.ReadInt64();
        foreach (var tensor in Network.Parameters)
        {
            var length = reader.ReadInt32();
            if (length != tensor.Length)
            {
                throw new InvalidDataException($"The checkpoint holds a tensor of {length} values where this network has {tensor.Length}.");
            }

            for (var i = 0; i < length; i++)
            {
                tensor[i] = reader.ReadSingle();
            }
        }

        // The checkpoint's optimizer comes with it (population-based training copies a member whole); its settings
        // (momentum, betas) are the loader's until the next Reconfigure sets them.
        var optimizer = reader.ReadString();
        if (optimizer != Config.Optimizer)
        {
            Config = Config with { Optimizer = optimizer };
            Optimizer = Optimizer.For(Config, Network);
        }

        Optimizer.Load(reader);
    }
}
