<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>crash</name>
    <message>
      <source>LossLab hit an unexpected error and carried on. Details were written to:</source>
      <translation>LossLab hit an unexpected error and carried on. Details were written to:</translation>
    </message>
    <message>
      <source>Something went wrong</source>
      <translation>Something went wrong</translation>
    </message>
  </context>
  <context>
    <name>cross_entropy</name>
    <message>
      <source>A probability of 0 where the loss needs its logarithm: −log 0 = ∞. Keras clips probabilities to [1e-7, 1 − 1e-7], so its value stays finite.</source>
      <translation>A probability of 0 where the loss needs its logarithm: −log 0 = ∞. Keras clips probabilities to [1e-7, 1 − 1e-7], so its value stays finite.</translation>
    </message>
    <message>
      <source>A softmax output passed to Keras with from_logits=False is clipped to [1e-7, 1 − 1e-7], so confident predictions lose precision; from_logits=True uses the exact log-softmax.</source>
      <translation>A softmax output passed to Keras with from_logits=False is clipped to [1e-7, 1 − 1e-7], so confident predictions lose precision; from_logits=True uses the exact log-softmax.</translation>
    </message>
    <message>
      <source>Class weights with reduction=mean: PyTorch divides the weighted sum by the sum of the targets' weights ({denominator:g}); Keras takes the weights as sample_weight and divides by the number of rows ({kept}), so its mean differs unless those are equal.</source>
      <translation>Class weights with reduction=mean: PyTorch divides the weighted sum by the sum of the targets' weights ({denominator:g}); Keras takes the weights as sample_weight and divides by the number of rows ({kept}), so its mean differs unless those are equal.</translation>
    </message>
    <message>
      <source>Cross-entropy:  row {row},  p = {p:.3g}</source>
      <translation>Cross-entropy:  row {row},  p = {p:.3g}</translation>
    </message>
    <message>
      <source>Every row is ignored: PyTorch's mean is 0/0 = NaN, Keras' divide_no_nan gives 0.</source>
      <translation>Every row is ignored: PyTorch's mean is 0/0 = NaN, Keras' divide_no_nan gives 0.</translation>
    </message>
    <message>
      <source>Keras BinaryCrossentropy(from_logits=False)</source>
      <translation>Keras BinaryCrossentropy(from_logits=False)</translation>
    </message>
    <message>
      <source>Keras BinaryCrossentropy(from_logits=False) on sigmoid output</source>
      <translation>Keras BinaryCrossentropy(from_logits=False) on sigmoid output</translation>
    </message>
    <message>
      <source>Keras BinaryCrossentropy(from_logits=True)</source>
      <translation>Keras BinaryCrossentropy(from_logits=True)</translation>
    </message>
    <message>
      <source>Keras CategoricalCrossentropy (one-hot)</source>
      <translation>Keras CategoricalCrossentropy (one-hot)</translation>
    </message>
    <message>
      <source>Keras CategoricalCrossentropy on softmax output (from_logits=False)</source>
      <translation>Keras CategoricalCrossentropy on softmax output (from_logits=False)</translation>
    </message>
    <message>
      <source>Keras SparseCategoricalCrossentropy (indices)</source>
      <translation>Keras SparseCategoricalCrossentropy (indices)</translation>
    </message>
    <message>
      <source>Keras clips probabilities to [1e-7, 1 − 1e-7] before the log, so a probability of 0 costs −log(1e-7) ≈ 16.12 instead of infinity and a probability of 1 costs 1e-7 instead of 0. PyTorch is given log p and does not clip.</source>
      <translation>Keras clips probabilities to [1e-7, 1 − 1e-7] before the log, so a probability of 0 costs −log(1e-7) ≈ 16.12 instead of infinity and a probability of 1 costs 1e-7 instead of 0. PyTorch is given log p and does not clip.</translation>
    </message>
    <message>
      <source>Label smoothing (y·(1 − ε) + ε/2) exists only in Keras' BinaryCrossentropy; PyTorch and the hand-written version use the labels as given.</source>
      <translation>Label smoothing (y·(1 − ε) + ε/2) exists only in Keras' BinaryCrossentropy; PyTorch and the hand-written version use the labels as given.</translation>
    </message>
    <message>
      <source>Label smoothing: the target becomes (1 − ε)·one-hot + ε/C. Keras SparseCategoricalCrossentropy has no label_smoothing option, so its value is the unsmoothed loss.</source>
      <translation>Label smoothing: the target becomes (1 − ε)·one-hot + ε/C. Keras SparseCategoricalCrossentropy has no label_smoothing option, so its value is the unsmoothed loss.</translation>
    </message>
    <message>
      <source>No row counts (every target is ignored, or the targets' weights are all 0), so PyTorch's mean is 0/0 = NaN.</source>
      <translation>No row counts (every target is ignored, or the targets' weights are all 0), so PyTorch's mean is 0/0 = NaN.</translation>
    </message>
    <message>
      <source>PyTorch BCELoss (logs clamped at −100)</source>
      <translation>PyTorch BCELoss (logs clamped at −100)</translation>
    </message>
    <message>
      <source>PyTorch BCEWithLogitsLoss</source>
      <translation>PyTorch BCEWithLogitsLoss</translation>
    </message>
    <message>
      <source>PyTorch CrossEntropyLoss</source>
      <translation>PyTorch CrossEntropyLoss</translation>
    </message>
    <message>
      <source>PyTorch CrossEntropyLoss expects logits; for probabilities it is given log p (log-softmax of log p is log p again when a row sums to 1).</source>
      <translation>PyTorch CrossEntropyLoss expects logits; for probabilities it is given log p (log-softmax of log p is log p again when a row sums to 1).</translation>
    </message>
    <message>
      <source>Some probabilities are so small that they round to exactly 0. Taking log(0) would give −inf; log-softmax instead writes log p as (z − max) − log Σ e^(z − max), which stays finite. That is why the frameworks fuse softmax and log.</source>
      <translation>Some probabilities are so small that they round to exactly 0. Taking log(0) would give −inf; log-softmax instead writes log p as (z − max) − log Σ e^(z − max), which stays finite. That is why the frameworks fuse softmax and log.</translation>
    </message>
    <message>
      <source>Some probabilities lie outside [1e-7, 1 − 1e-7]: the hand-written version and Keras with probabilities clip them there, which caps the loss of a confident mistake at about 16.12; from logits, the exact formula max(x, 0) − x·y + log(1 + e^(−|x|)) needs no clipping.</source>
      <translation>Some probabilities lie outside [1e-7, 1 − 1e-7]: the hand-written version and Keras with probabilities clip them there, which caps the loss of a confident mistake at about 16.12; from logits, the exact formula max(x, 0) − x·y + log(1 + e^(−|x|)) needs no clipping.</translation>
    </message>
    <message>
      <source>Some values are not finite numbers.</source>
      <translation>Some values are not finite numbers.</translation>
    </message>
    <message>
      <source>Weights are applied only by PyTorch (weight rescales each column). Keras' BinaryCrossentropy has no per-class weight.</source>
      <translation>Weights are applied only by PyTorch (weight rescales each column). Keras' BinaryCrossentropy has no per-class weight.</translation>
    </message>
    <message>
      <source>With smoothing and weights, PyTorch weights the smoothing term class by class (Σ_c w_c·(−log p_c)); Keras multiplies the whole row's loss by the weight of its target class.</source>
      <translation>With smoothing and weights, PyTorch weights the smoothing term class by class (Σ_c w_c·(−log p_c)); Keras multiplies the whole row's loss by the weight of its target class.</translation>
    </message>
    <message>
      <source>Without subtracting the row maximum, e^z overflowed to infinity (any logit above about 709.78 does), so softmax became inf/inf = NaN. PyTorch and Keras always subtract the maximum, so their values are still right.</source>
      <translation>Without subtracting the row maximum, e^z overflowed to infinity (any logit above about 709.78 does), so softmax became inf/inf = NaN. PyTorch and Keras always subtract the maximum, so their values are still right.</translation>
    </message>
    <message>
      <source>Without subtracting the row maximum, e^z overflowed to infinity, so the hand-written softmax is NaN and its loss is not finite.</source>
      <translation>Without subtracting the row maximum, e^z overflowed to infinity, so the hand-written softmax is NaN and its loss is not finite.</translation>
    </message>
    <message>
      <source>cell {0}</source>
      <translation>cell {0}</translation>
    </message>
    <message>
      <source>class {0}</source>
      <translation>class {0}</translation>
    </message>
    <message>
      <source>hand-written BCE, p clipped to [1e-7, 1 − 1e-7]</source>
      <translation>hand-written BCE, p clipped to [1e-7, 1 − 1e-7]</translation>
    </message>
    <message>
      <source>hand-written softmax → log → NLL</source>
      <translation>hand-written softmax → log → NLL</translation>
    </message>
    <message>
      <source>m = {m}, the largest logit of this row: subtracting it makes every exponent z − m ≤ 0, so e^(z − m) cannot overflow, and p is unchanged.</source>
      <translation>m = {m}, the largest logit of this row: subtracting it makes every exponent z − m ≤ 0, so e^(z − m) cannot overflow, and p is unchanged.</translation>
    </message>
    <message>
      <source>output {0}</source>
      <translation>output {0}</translation>
    </message>
    <message>
      <source>p as typed</source>
      <translation>p as typed</translation>
    </message>
    <message>
      <source>reduction=none: PyTorch returns one loss per cell; Keras one per row (the mean over the row's columns).</source>
      <translation>reduction=none: PyTorch returns one loss per cell; Keras one per row (the mean over the row's columns).</translation>
    </message>
    <message>
      <source>reduction=sum: Keras first averages each row over its {c} columns and then adds the rows; PyTorch adds every element, so its sum is {c} times larger.</source>
      <translation>reduction=sum: Keras first averages each row over its {c} columns and then adds the rows; PyTorch adds every element, so its sum is {c} times larger.</translation>
    </message>
    <message>
      <source>z (no shift)</source>
      <translation>z (no shift)</translation>
    </message>
    <message>
      <source>{ignored} row(s) have target = ignore_index ({ignore_index}) and do not count. PyTorch leaves them out of the mean's divisor; Keras SparseCategoricalCrossentropy does the same with ignore_class; CategoricalCrossentropy has no such option, so they are left out of its batch.</source>
      <translation>{ignored} row(s) have target = ignore_index ({ignore_index}) and do not count. PyTorch leaves them out of the mean's divisor; Keras SparseCategoricalCrossentropy does the same with ignore_class; CategoricalCrossentropy has no such option, so they are left out of its batch.</translation>
    </message>
  </context>
  <context>
    <name>fit</name>
    <message>
      <source>Data and fitted lines</source>
      <translation>Data and fitted lines</translation>
    </message>
    <message>
      <source>Delete selected point</source>
      <translation>Delete selected point</translation>
    </message>
    <message>
      <source>Each fit: its minimiser, then empirical risk + structural risk = objective.</source>
      <translation>Each fit: its minimiser, then empirical risk + structural risk = objective.</translation>
    </message>
    <message>
      <source>Each point on each loss</source>
      <translation>Each point on each loss</translation>
    </message>
    <message>
      <source>J(w, b) = (1/n) Σ L({z}ᵢ) + {penalty},  n = {n}, λ = {lam}</source>
      <translation>J(w, b) = (1/n) Σ L({z}ᵢ) + {penalty},  n = {n}, λ = {lam}</translation>
    </message>
    <message>
      <source>Objective = empirical + structural risk</source>
      <translation>Objective = empirical + structural risk</translation>
    </message>
    <message>
      <source>Point size: AdaBoost weight of each point, ∝ e^(−m) under the exponential fit.</source>
      <translation>Point size: AdaBoost weight of each point, ∝ e^(−m) under the exponential fit.</translation>
    </message>
    <message>
      <source>SVM reading: hinge + λ‖w‖² has the same minimiser as ½‖w‖² + C Σ hinge(mᵢ) with C = 1/(2nλ) = {c}.</source>
      <translation>SVM reading: hinge + λ‖w‖² has the same minimiser as ½‖w‖² + C Σ hinge(mᵢ) with C = 1/(2nλ) = {c}.</translation>
    </message>
    <message>
      <source>Segments: each point's pull −L′ on each fit (a pull of 1 is a twentieth of the plot's height; longer ones are cut at 6). Bounded losses cap the pull; squared and exponential losses do not.</source>
      <translation>Segments: each point's pull −L′ on each fit (a pull of 1 is a twentieth of the plot's height; longer ones are cut at 6). Bounded losses cap the pull; squared and exponential losses do not.</translation>
    </message>
    <message>
      <source>classification</source>
      <translation>classification</translation>
    </message>
    <message>
      <source>clean line</source>
      <translation>clean line</translation>
    </message>
    <message>
      <source>empirical risk</source>
      <translation>empirical risk</translation>
    </message>
    <message>
      <source>heavy-tailed noise</source>
      <translation>heavy-tailed noise</translation>
    </message>
    <message>
      <source>margin m</source>
      <translation>margin m</translation>
    </message>
    <message>
      <source>no finite minimiser: the loss keeps falling as ‖(w, b)‖ grows along the direction shown, so the infimum is approached but never reached</source>
      <translation>no finite minimiser: the loss keeps falling as ‖(w, b)‖ grows along the direction shown, so the infimum is approached but never reached</translation>
    </message>
    <message>
      <source>no penalty</source>
      <translation>no penalty</translation>
    </message>
    <message>
      <source>none</source>
      <translation>none</translation>
    </message>
    <message>
      <source>one mislabelled point</source>
      <translation>one mislabelled point</translation>
    </message>
    <message>
      <source>one outlier</source>
      <translation>one outlier</translation>
    </message>
    <message>
      <source>optimal, but not the only minimiser: other lines reach the same objective (one of them is shown)</source>
      <translation>optimal, but not the only minimiser: other lines reach the same objective (one of them is shown)</translation>
    </message>
    <message>
      <source>optimal: this is the unique minimiser</source>
      <translation>optimal: this is the unique minimiser</translation>
    </message>
    <message>
      <source>overlapping classes</source>
      <translation>overlapping classes</translation>
    </message>
    <message>
      <source>regression</source>
      <translation>regression</translation>
    </message>
    <message>
      <source>residual r</source>
      <translation>residual r</translation>
    </message>
    <message>
      <source>risk</source>
      <translation>risk</translation>
    </message>
    <message>
      <source>separable classes</source>
      <translation>separable classes</translation>
    </message>
    <message>
      <source>structural risk</source>
      <translation>structural risk</translation>
    </message>
    <message>
      <source>trivial minimiser: w = 0, b = 0 gives every point margin 0 and perceptron loss 0, the smallest possible</source>
      <translation>trivial minimiser: w = 0, b = 0 gives every point margin 0 and perceptron loss 0, the smallest possible</translation>
    </message>
  </context>
  <context>
    <name>help</name>
    <message>
      <source>Copy the focused figure as an image</source>
      <translation>Copy the focused figure as an image</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <source>Play or pause an animated panel</source>
      <translation>Play or pause an animated panel</translation>
    </message>
    <message>
      <source>Previous or next step of a lesson</source>
      <translation>Previous or next step of a lesson</translation>
    </message>
    <message>
      <source>Rewind to the first frame</source>
      <translation>Rewind to the first frame</translation>
    </message>
    <message>
      <source>Step one frame back or forward</source>
      <translation>Step one frame back or forward</translation>
    </message>
  </context>
  <context>
    <name>lessons</name>
    <message>
      <source>&amp;Add the current panel as a lesson step…</source>
      <translation>&amp;Add the current panel as a lesson step…</translation>
    </message>
    <message>
      <source>&amp;Leave lesson</source>
      <translation>&amp;Leave lesson</translation>
    </message>
    <message>
      <source>&amp;Next step</source>
      <translation>&amp;Next step</translation>
    </message>
    <message>
      <source>&amp;Open lesson file…</source>
      <translation>&amp;Open lesson file…</translation>
    </message>
    <message>
      <source>&amp;Previous step</source>
      <translation>&amp;Previous step</translation>
    </message>
    <message>
      <source>Add the current panel to a lesson</source>
      <translation>Add the current panel to a lesson</translation>
    </message>
    <message>
      <source>Added step {n} to {path}</source>
      <translation>Added step {n} to {path}</translation>
    </message>
    <message>
      <source>Answer: {answer}</source>
      <translation>Answer: {answer}</translation>
    </message>
    <message>
      <source>Answers</source>
      <translation>Answers</translation>
    </message>
    <message>
      <source>Could not add the step</source>
      <translation>Could not add the step</translation>
    </message>
    <message>
      <source>Could not export the handout</source>
      <translation>Could not export the handout</translation>
    </message>
    <message>
      <source>Could not open the lesson</source>
      <translation>Could not open the lesson</translation>
    </message>
    <message>
      <source>Could not start the lesson</source>
      <translation>Could not start the lesson</translation>
    </message>
    <message>
      <source>End the lesson and restore the panels as they were</source>
      <translation>End the lesson and restore the panels as they were</translation>
    </message>
    <message>
      <source>Export handout</source>
      <translation>Export handout</translation>
    </message>
    <message>
      <source>Export handout in &amp;Chinese (PDF)…</source>
      <translation>Export handout in &amp;Chinese (PDF)…</translation>
    </message>
    <message>
      <source>Export handout in &amp;English (PDF)…</source>
      <translation>Export handout in &amp;English (PDF)…</translation>
    </message>
    <message>
      <source>Export this lesson as a printable PDF handout</source>
      <translation>Export this lesson as a printable PDF handout</translation>
    </message>
    <message>
      <source>Guesses:</source>
      <translation>Guesses:</translation>
    </message>
    <message>
      <source>Handout (PDF)…</source>
      <translation>Handout (PDF)…</translation>
    </message>
    <message>
      <source>Hands for {letter}</source>
      <translation>Hands for {letter}</translation>
    </message>
    <message>
      <source>L&amp;essons</source>
      <translation>L&amp;essons</translation>
    </message>
    <message>
      <source>Leave lesson</source>
      <translation>Leave lesson</translation>
    </message>
    <message>
      <source>Lesson</source>
      <translation>Lesson</translation>
    </message>
    <message>
      <source>Lesson text</source>
      <translation>Lesson text</translation>
    </message>
    <message>
      <source>LossLab lesson (*.toml)</source>
      <translation>LossLab lesson (*.toml)</translation>
    </message>
    <message>
      <source>LossLab lesson (*.toml);;All files (*)</source>
      <translation>LossLab lesson (*.toml);;All files (*)</translation>
    </message>
    <message>
      <source>Next step (Page Down)</source>
      <translation>Next step (Page Down)</translation>
    </message>
    <message>
      <source>Next ▶</source>
      <translation>Next ▶</translation>
    </message>
    <message>
      <source>Not a list of numbers: {problem}</source>
      <translation>Not a list of numbers: {problem}</translation>
    </message>
    <message>
      <source>Open lesson</source>
      <translation>Open lesson</translation>
    </message>
    <message>
      <source>PDF document (*.pdf)</source>
      <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
      <source>Predict</source>
      <translation>Predict</translation>
    </message>
    <message>
      <source>Predict first</source>
      <translation>Predict first</translation>
    </message>
    <message>
      <source>Previous step (Page Up)</source>
      <translation>Previous step (Page Up)</translation>
    </message>
    <message>
      <source>Reveal</source>
      <translation>Reveal</translation>
    </message>
    <message>
      <source>Revealed</source>
      <translation>Revealed</translation>
    </message>
    <message>
      <source>Show what really happens and mark the answer</source>
      <translation>Show what really happens and mark the answer</translation>
    </message>
    <message>
      <source>Step {k}</source>
      <translation>Step {k}</translation>
    </message>
    <message>
      <source>Step {k} of {n}</source>
      <translation>Step {k} of {n}</translation>
    </message>
    <message>
      <source>The class's guesses, separated by commas or spaces</source>
      <translation>The class's guesses, separated by commas or spaces</translation>
    </message>
    <message>
      <source>This lesson asks no questions.</source>
      <translation>This lesson asks no questions.</translation>
    </message>
    <message>
      <source>Watch what changes when you press Reveal.</source>
      <translation>Watch what changes when you press Reveal.</translation>
    </message>
    <message numerus="yes">
      <source>Wrote {path} (%n page(s))</source>
      <translation>
        <numerusform>Wrote {path} (%n page)</numerusform>
        <numerusform>Wrote {path} (%n pages)</numerusform>
      </translation>
    </message>
    <message>
      <source>Your guess:</source>
      <translation>Your guess:</translation>
    </message>
    <message>
      <source>e.g. 0.2, 0.35, 1</source>
      <translation>e.g. 0.2, 0.35, 1</translation>
    </message>
    <message>
      <source>hands</source>
      <translation>hands</translation>
    </message>
    <message>
      <source>{right} of {votes} guesses were within the tolerance ({share}); closest: {closest}.</source>
      <translation>{right} of {votes} guesses were within the tolerance ({share}); closest: {closest}.</translation>
    </message>
    <message>
      <source>{right} of {votes} hands were right ({share}).</source>
      <translation>{right} of {votes} hands were right ({share}).</translation>
    </message>
    <message>
      <source>◀ Previous</source>
      <translation>◀ Previous</translation>
    </message>
  </context>
  <context>
    <name>likelihood</name>
    <message>
      <source>&lt;b&gt;1. The model.&lt;/b&gt; The label tᵢ ∈ {{0, 1}} is 1 with probability pᵢ = σ(fᵢ) = 1/(1 + e^(−fᵢ)), where the logit is fᵢ = w·xᵢ + b. So p(tᵢ | xᵢ) = pᵢ^tᵢ · (1 − pᵢ)^(1 − tᵢ): p for a 1, 1 − p for a 0.</source>
      <translation>&lt;b&gt;1. The model.&lt;/b&gt; The label tᵢ ∈ {{0, 1}} is 1 with probability pᵢ = σ(fᵢ) = 1/(1 + e^(−fᵢ)), where the logit is fᵢ = w·xᵢ + b. So p(tᵢ | xᵢ) = pᵢ^tᵢ · (1 − pᵢ)^(1 − tᵢ): p for a 1, 1 − p for a 0.</translation>
    </message>
    <message>
      <source>&lt;b&gt;1. The model.&lt;/b&gt; y = w·x + b + ε with Laplace noise of scale s: p(yᵢ | xᵢ) = exp(−|rᵢ|/s) / (2s), with rᵢ = yᵢ − (w·xᵢ + b).</source>
      <translation>&lt;b&gt;1. The model.&lt;/b&gt; y = w·x + b + ε with Laplace noise of scale s: p(yᵢ | xᵢ) = exp(−|rᵢ|/s) / (2s), with rᵢ = yᵢ − (w·xᵢ + b).</translation>
    </message>
    <message>
      <source>&lt;b&gt;1. The model.&lt;/b&gt; y = w·x + b + ε with ε ~ N(0, σ²). One point's density is p(yᵢ | xᵢ) = exp(−rᵢ²/(2σ²)) / (σ√(2π)), with the residual rᵢ = yᵢ − (w·xᵢ + b).</source>
      <translation>&lt;b&gt;1. The model.&lt;/b&gt; y = w·x + b + ε with ε ~ N(0, σ²). One point's density is p(yᵢ | xᵢ) = exp(−rᵢ²/(2σ²)) / (σ√(2π)), with the residual rᵢ = yᵢ − (w·xᵢ + b).</translation>
    </message>
    <message>
      <source>&lt;b&gt;2. The likelihood&lt;/b&gt; of independent points is the product L(w, b) = Π p(tᵢ | xᵢ). Here it is {value}: products of many numbers below 1 shrink so fast that they soon underflow to 0 in floating point.</source>
      <translation>&lt;b&gt;2. The likelihood&lt;/b&gt; of independent points is the product L(w, b) = Π p(tᵢ | xᵢ). Here it is {value}: products of many numbers below 1 shrink so fast that they soon underflow to 0 in floating point.</translation>
    </message>
    <message>
      <source>&lt;b&gt;2. The likelihood&lt;/b&gt; of independent points is the product L(w, b) = Π p(yᵢ | xᵢ). Here it is {value}: products of many numbers below 1 shrink so fast that they soon underflow to 0 in floating point.</source>
      <translation>&lt;b&gt;2. The likelihood&lt;/b&gt; of independent points is the product L(w, b) = Π p(yᵢ | xᵢ). Here it is {value}: products of many numbers below 1 shrink so fast that they soon underflow to 0 in floating point.</translation>
    </message>
    <message>
      <source>&lt;b&gt;3. Take the log.&lt;/b&gt; ln L = Σ [tᵢ·ln pᵢ + (1 − tᵢ)·ln(1 − pᵢ)].</source>
      <translation>&lt;b&gt;3. Take the log.&lt;/b&gt; ln L = Σ [tᵢ·ln pᵢ + (1 − tᵢ)·ln(1 − pᵢ)].</translation>
    </message>
    <message>
      <source>&lt;b&gt;3. Take the log.&lt;/b&gt; ln L = Σ [−|rᵢ|/s − ln(2s)] = −(1/s)·Σ |rᵢ| − n·ln(2s).</source>
      <translation>&lt;b&gt;3. Take the log.&lt;/b&gt; ln L = Σ [−|rᵢ|/s − ln(2s)] = −(1/s)·Σ |rᵢ| − n·ln(2s).</translation>
    </message>
    <message>
      <source>&lt;b&gt;3. Take the log.&lt;/b&gt; ln is increasing, so it keeps the maximiser and turns the product into a sum: ln L = Σ [−rᵢ²/(2σ²) − ln(σ√(2π))] = −(1/(2σ²))·Σ rᵢ² − n·ln(σ√(2π)).</source>
      <translation>&lt;b&gt;3. Take the log.&lt;/b&gt; ln is increasing, so it keeps the maximiser and turns the product into a sum: ln L = Σ [−rᵢ²/(2σ²) − ln(σ√(2π))] = −(1/(2σ²))·Σ rᵢ² − n·ln(σ√(2π)).</translation>
    </message>
    <message>
      <source>&lt;b&gt;4. Drop what does not depend on w and b.&lt;/b&gt; Nothing to drop here: the factor is 1 and the constant 0.</source>
      <translation>&lt;b&gt;4. Drop what does not depend on w and b.&lt;/b&gt; Nothing to drop here: the factor is 1 and the constant 0.</translation>
    </message>
    <message>
      <source>&lt;b&gt;4. Drop what does not depend on w and b.&lt;/b&gt; The constant n·ln(2s) ({constant} here) and the positive factor 1/s ({factor} here) do not move the maximiser.</source>
      <translation>&lt;b&gt;4. Drop what does not depend on w and b.&lt;/b&gt; The constant n·ln(2s) ({constant} here) and the positive factor 1/s ({factor} here) do not move the maximiser.</translation>
    </message>
    <message>
      <source>&lt;b&gt;4. Drop what does not depend on w and b.&lt;/b&gt; The term n·ln(σ√(2π)) is a constant ({constant} here) and 1/(2σ²) a positive factor ({factor} here): neither moves the maximiser.</source>
      <translation>&lt;b&gt;4. Drop what does not depend on w and b.&lt;/b&gt; The term n·ln(σ√(2π)) is a constant ({constant} here) and 1/(2σ²) a positive factor ({factor} here): neither moves the maximiser.</translation>
    </message>
    <message>
      <source>&lt;b&gt;5. Flip the sign.&lt;/b&gt; Maximising −Σ rᵢ² is minimising Σ rᵢ²: −ln L = (1/(2σ²))·Σ rᵢ² + n·ln(σ√(2π)). Gaussian noise gives the squared loss, and the maximum-likelihood line is the least-squares line. Maximising over σ as well gives σ̂² = (1/n)·Σ rᵢ² at that line.</source>
      <translation>&lt;b&gt;5. Flip the sign.&lt;/b&gt; Maximising −Σ rᵢ² is minimising Σ rᵢ²: −ln L = (1/(2σ²))·Σ rᵢ² + n·ln(σ√(2π)). Gaussian noise gives the squared loss, and the maximum-likelihood line is the least-squares line. Maximising over σ as well gives σ̂² = (1/n)·Σ rᵢ² at that line.</translation>
    </message>
    <message>
      <source>&lt;b&gt;5. Flip the sign.&lt;/b&gt; −ln L = (1/s)·Σ |rᵢ| + n·ln(2s): Laplace noise gives the absolute loss, and the maximum-likelihood line is the least-absolute-deviations line, which an outlier pulls much less than least squares. The MLE of s is the mean |rᵢ| at that line.</source>
      <translation>&lt;b&gt;5. Flip the sign.&lt;/b&gt; −ln L = (1/s)·Σ |rᵢ| + n·ln(2s): Laplace noise gives the absolute loss, and the maximum-likelihood line is the least-absolute-deviations line, which an outlier pulls much less than least squares. The MLE of s is the mean |rᵢ| at that line.</translation>
    </message>
    <message>
      <source>&lt;b&gt;5. Flip the sign.&lt;/b&gt; −ln L = −Σ [tᵢ·ln pᵢ + (1 − tᵢ)·ln(1 − pᵢ)], the binary cross-entropy. With yᵢ = 2tᵢ − 1 ∈ {{−1, +1}} and 1 − σ(f) = σ(−f), each term is −ln σ(yᵢfᵢ) = ln(1 + e^(−yᵢfᵢ)), the logistic loss of the margin mᵢ = yᵢfᵢ.</source>
      <translation>&lt;b&gt;5. Flip the sign.&lt;/b&gt; −ln L = −Σ [tᵢ·ln pᵢ + (1 − tᵢ)·ln(1 − pᵢ)], the binary cross-entropy. With yᵢ = 2tᵢ − 1 ∈ {{−1, +1}} and 1 − σ(f) = σ(−f), each term is −ln σ(yᵢfᵢ) = ln(1 + e^(−yᵢfᵢ)), the logistic loss of the margin mᵢ = yᵢfᵢ.</translation>
    </message>
    <message>
      <source>Bernoulli outcome, sigmoid link</source>
      <translation>Bernoulli outcome, sigmoid link</translation>
    </message>
    <message>
      <source>Bernoulli, sigmoid link</source>
      <translation>Bernoulli, sigmoid link</translation>
    </message>
    <message>
      <source>Binary cross-entropy with 0/1 labels and the logistic loss with ±1 labels are one and the same function of the logit.</source>
      <translation>Binary cross-entropy with 0/1 labels and the logistic loss with ±1 labels are one and the same function of the logit.</translation>
    </message>
    <message>
      <source>Data, line and noise model</source>
      <translation>Data, line and noise model</translation>
    </message>
    <message>
      <source>Every label is the same, so the likelihood keeps growing as b → ±∞: there is no finite maximum-likelihood line.</source>
      <translation>Every label is the same, so the likelihood keeps growing as b → ±∞: there is no finite maximum-likelihood line.</translation>
    </message>
    <message>
      <source>Every point has the same x, so the slope is not determined: any line through the fitted height at that x is equally good.</source>
      <translation>Every point has the same x, so the slope is not determined: any line through the fitted height at that x is equally good.</translation>
    </message>
    <message>
      <source>Every point lies on the fitted line, so the likelihood grows without bound as the scale shrinks to 0.</source>
      <translation>Every point lies on the fitted line, so the likelihood grows without bound as the scale shrinks to 0.</translation>
    </message>
    <message>
      <source>From likelihood to loss: {noise}</source>
      <translation>From likelihood to loss: {noise}</translation>
    </message>
    <message>
      <source>Gaussian (σ)</source>
      <translation>Gaussian (σ)</translation>
    </message>
    <message>
      <source>Gaussian noise</source>
      <translation>Gaussian noise</translation>
    </message>
    <message>
      <source>L = Π pᵢ = {value}</source>
      <translation>L = Π pᵢ = {value}</translation>
    </message>
    <message>
      <source>Laplace (scale s)</source>
      <translation>Laplace (scale s)</translation>
    </message>
    <message>
      <source>Laplace noise</source>
      <translation>Laplace noise</translation>
    </message>
    <message>
      <source>MLE</source>
      <translation>MLE</translation>
    </message>
    <message>
      <source>MLE b</source>
      <translation>MLE b</translation>
    </message>
    <message>
      <source>MLE s</source>
      <translation>MLE s</translation>
    </message>
    <message>
      <source>MLE w</source>
      <translation>MLE w</translation>
    </message>
    <message>
      <source>MLE σ</source>
      <translation>MLE σ</translation>
    </message>
    <message>
      <source>Move the line to the MLE</source>
      <translation>Move the line to the MLE</translation>
    </message>
    <message>
      <source>Noise scale s</source>
      <translation>Noise scale s</translation>
    </message>
    <message>
      <source>Noise scale σ</source>
      <translation>Noise scale σ</translation>
    </message>
    <message>
      <source>Product of the likelihoods</source>
      <translation>Product of the likelihoods</translation>
    </message>
    <message>
      <source>Some points lie so far in the tail that their likelihood is below 2.2e-308, the smallest normal double: it is given by its logarithm only (the likelihood column shows nan).</source>
      <translation>Some points lie so far in the tail that their likelihood is below 2.2e-308, the smallest normal double: it is given by its logarithm only (the likelihood column shows nan).</translation>
    </message>
    <message>
      <source>The labels are separated by a threshold on x, so the likelihood keeps growing as |w| → ∞: there is no finite maximum-likelihood line.</source>
      <translation>The labels are separated by a threshold on x, so the likelihood keeps growing as |w| → ∞: there is no finite maximum-likelihood line.</translation>
    </message>
    <message>
      <source>The −ln L curves below are drawn twice: −ln L itself and factor·Σ loss + constant on top of it. They coincide, so the loss and the likelihood have the same best line. Each curve holds the other parameter at its current value, so its lowest point meets the MLE mark only once the line is at the MLE. Taking logs is not only a convenience: ln L is a sum that stays a modest number (here {log}) when L itself is far below the smallest number a computer can store.</source>
      <translation>The −ln L curves below are drawn twice: −ln L itself and factor·Σ loss + constant on top of it. They coincide, so the loss and the likelihood have the same best line. Each curve holds the other parameter at its current value, so its lowest point meets the MLE mark only once the line is at the MLE. Taking logs is not only a convenience: ln L is a sum that stays a modest number (here {log}) when L itself is far below the smallest number a computer can store.</translation>
    </message>
    <message>
      <source>constant</source>
      <translation>constant</translation>
    </message>
    <message>
      <source>factor</source>
      <translation>factor</translation>
    </message>
    <message>
      <source>likelihood L</source>
      <translation>likelihood L</translation>
    </message>
    <message>
      <source>likelihood of each point (length)</source>
      <translation>likelihood of each point (length)</translation>
    </message>
    <message>
      <source>ln p per point</source>
      <translation>ln p per point</translation>
    </message>
    <message>
      <source>ln p per point: Σ = ln L = {value}</source>
      <translation>ln p per point: Σ = ln L = {value}</translation>
    </message>
    <message>
      <source>log₁₀ of the product</source>
      <translation>log₁₀ of the product</translation>
    </message>
    <message>
      <source>maximum-likelihood fit</source>
      <translation>maximum-likelihood fit</translation>
    </message>
    <message>
      <source>model</source>
      <translation>model</translation>
    </message>
    <message>
      <source>noise density</source>
      <translation>noise density</translation>
    </message>
    <message>
      <source>none (no finite maximum)</source>
      <translation>none (no finite maximum)</translation>
    </message>
    <message>
      <source>p(label = 1)</source>
      <translation>p(label = 1)</translation>
    </message>
    <message>
      <source>point i</source>
      <translation>point i</translation>
    </message>
    <message>
      <source>points multiplied</source>
      <translation>points multiplied</translation>
    </message>
    <message>
      <source>−ln L along b</source>
      <translation>−ln L along b</translation>
    </message>
    <message>
      <source>−ln L along w</source>
      <translation>−ln L along w</translation>
    </message>
    <message>
      <source>−ln L at (w, b)</source>
      <translation>−ln L at (w, b)</translation>
    </message>
  </context>
  <context>
    <name>losses</name>
    <message>
      <source>0-1</source>
      <translation>0-1</translation>
    </message>
    <message>
      <source>A smooth cousin of Huber: about ½r² near zero and about |r| − ln 2 far away, with a derivative (tanh r) that is smooth everywhere.</source>
      <translation>A smooth cousin of Huber: about ½r² near zero and about |r| − ln 2 far away, with a derivative (tanh r) that is smooth everywhere.</translation>
    </message>
    <message>
      <source>A squared hinge near the boundary that turns into a straight line for badly wrong points (m &lt; −1). The line has the same slope where the pieces meet, so the loss is smooth and, like Huber in regression, not dominated by outliers.</source>
      <translation>A squared hinge near the boundary that turns into a straight line for badly wrong points (m &lt; −1). The line has the same slope where the pieces meet, so the loss is smooth and, like Huber in regression, not dominated by outliers.</translation>
    </message>
    <message>
      <source>Counts mistakes and nothing else: it is the error rate we actually care about. But it is flat everywhere except for a jump at m = 0, so its gradient tells an optimiser nothing, and minimising it directly is a hard combinatorial problem. Every other margin loss here is a stand-in (a surrogate) for it.</source>
      <translation>Counts mistakes and nothing else: it is the error rate we actually care about. But it is flat everywhere except for a jump at m = 0, so its gradient tells an optimiser nothing, and minimising it directly is a hard combinatorial problem. Every other margin loss here is a stand-in (a surrogate) for it.</translation>
    </message>
    <message>
      <source>Every unit of error costs the same, so outliers pull no harder than other points: robust. Its minimiser is the median rather than the mean. It has a corner at r = 0 where the derivative jumps from −1 to +1.</source>
      <translation>Every unit of error costs the same, so outliers pull no harder than other points: robust. Its minimiser is the median rather than the mean. It has a corner at r = 0 where the derivative jumps from −1 to +1.</translation>
    </message>
    <message>
      <source>Huber (δ)</source>
      <translation>Huber (δ)</translation>
    </message>
    <message>
      <source>L(m) = 1 if m ≤ 0, else 0</source>
      <translation>L(m) = 1 if m ≤ 0, else 0</translation>
    </message>
    <message>
      <source>L(m) = e^(−m)</source>
      <translation>L(m) = e^(−m)</translation>
    </message>
    <message>
      <source>L(m) = log(1 + e^(−m))   (base e, or base 2)</source>
      <translation>L(m) = log(1 + e^(−m))   (base e, or base 2)</translation>
    </message>
    <message>
      <source>L(m) = max(0, 1 − m)</source>
      <translation>L(m) = max(0, 1 − m)</translation>
    </message>
    <message>
      <source>L(m) = max(0, 1 − m)²</source>
      <translation>L(m) = max(0, 1 − m)²</translation>
    </message>
    <message>
      <source>L(m) = max(0, 1 − m)² if m ≥ −1, else −4m</source>
      <translation>L(m) = max(0, 1 − m)² if m ≥ −1, else −4m</translation>
    </message>
    <message>
      <source>L(m) = max(0, −m)</source>
      <translation>L(m) = max(0, −m)</translation>
    </message>
    <message>
      <source>L(r) = ln cosh r</source>
      <translation>L(r) = ln cosh r</translation>
    </message>
    <message>
      <source>L(r) = max(0, |r| − ε)</source>
      <translation>L(r) = max(0, |r| − ε)</translation>
    </message>
    <message>
      <source>L(r) = max(τr, (τ − 1)r)</source>
      <translation>L(r) = max(τr, (τ − 1)r)</translation>
    </message>
    <message>
      <source>L(r) = r²</source>
      <translation>L(r) = r²</translation>
    </message>
    <message>
      <source>L(r) = |r|</source>
      <translation>L(r) = |r|</translation>
    </message>
    <message>
      <source>L(r) = ½r² if |r| ≤ δ, else δ(|r| − ½δ)</source>
      <translation>L(r) = ½r² if |r| ≤ δ, else δ(|r| − ½δ)</translation>
    </message>
    <message>
      <source>Quadratic for small errors and linear for large ones, joined at |r| = δ with the same slope. So it is differentiable everywhere like the squared loss and robust to outliers like the absolute loss. Drag δ: a large δ makes it squared-like, a small δ absolute-like.</source>
      <translation>Quadratic for small errors and linear for large ones, joined at |r| = δ with the same slope. So it is differentiable everywhere like the squared loss and robust to outliers like the absolute loss. Drag δ: a large δ makes it squared-like, a small δ absolute-like.</translation>
    </message>
    <message>
      <source>Squaring the hinge removes its corner: the loss and its slope are continuous, which suits gradient methods. It punishes badly misclassified points much harder than the plain hinge does.</source>
      <translation>Squaring the hinge removes its corner: the loss and its slope are continuous, which suits gradient methods. It punishes badly misclassified points much harder than the plain hinge does.</translation>
    </message>
    <message>
      <source>The hinge moved to pass through the origin: a correctly classified point costs nothing however small its margin. That is why the perceptron stops at the first separating line it finds instead of looking for a wide margin.</source>
      <translation>The hinge moved to pass through the origin: a correctly classified point costs nothing however small its margin. That is why the perceptron stops at the first separating line it finds instead of looking for a wide margin.</translation>
    </message>
    <message>
      <source>The log loss of logistic regression: binary cross-entropy of a sigmoid output, written in terms of the margin, and the negative log-likelihood of a Bernoulli model. It is smooth and convex. Divided by ln 2 (base 2) it passes through (0, 1) and bounds the 0-1 loss from above. It never reaches zero, so every point, even a well classified one, keeps a little pull; points far on the wrong side grow linearly, which makes it more sensitive to outliers than the hinge.</source>
      <translation>The log loss of logistic regression: binary cross-entropy of a sigmoid output, written in terms of the margin, and the negative log-likelihood of a Bernoulli model. It is smooth and convex. Divided by ln 2 (base 2) it passes through (0, 1) and bounds the 0-1 loss from above. It never reaches zero, so every point, even a well classified one, keeps a little pull; points far on the wrong side grow linearly, which makes it more sensitive to outliers than the hinge.</translation>
    </message>
    <message>
      <source>The loss AdaBoost minimises, one weak learner at a time (forward stagewise additive modelling). It grows exponentially on the wrong side, so a single mislabelled point can dominate the fit.</source>
      <translation>The loss AdaBoost minimises, one weak learner at a time (forward stagewise additive modelling). It grows exponentially on the wrong side, so a single mislabelled point can dominate the fit.</translation>
    </message>
    <message>
      <source>The loss of support vector regression: errors inside a tube of half-width ε are free, and outside it the cost grows linearly. Drag ε to widen or narrow the tube.</source>
      <translation>The loss of support vector regression: errors inside a tube of half-width ε are free, and outside it the cost grows linearly. Drag ε to widen or narrow the tube.</translation>
    </message>
    <message>
      <source>The loss of the support vector machine. It is convex and lies on or above the 0-1 loss everywhere, the tightest such convex bound. Once a point is classified with margin at least 1 it costs nothing, so only the points near or across the boundary (the support vectors) shape the solution. It has a corner at m = 1 where the derivative jumps; optimisers use a subgradient there.</source>
      <translation>The loss of the support vector machine. It is convex and lies on or above the 0-1 loss everywhere, the tightest such convex bound. Once a point is classified with margin at least 1 it costs nothing, so only the points near or across the boundary (the support vectors) shape the solution. It has a corner at m = 1 where the derivative jumps; optimisers use a subgradient there.</translation>
    </message>
    <message>
      <source>The mean of r² is the mean squared error. Minimising it is maximum likelihood when the noise is Gaussian. Because the penalty grows with the square, large errors dominate the sum: a few outliers can pull the fit a long way.</source>
      <translation>The mean of r² is the mean squared error. Minimising it is maximum likelihood when the noise is Gaussian. Because the penalty grows with the square, large errors dominate the sum: a few outliers can pull the fit a long way.</translation>
    </message>
    <message>
      <source>The pinball loss. Under-predictions (r &gt; 0) cost τ per unit and over-predictions 1 − τ, so the minimiser is the τ-quantile of the data instead of the mean; τ = 0.5 gives the median.</source>
      <translation>The pinball loss. Under-predictions (r &gt; 0) cost τ per unit and over-predictions 1 − τ, so the minimiser is the τ-quantile of the data instead of the mean; τ = 0.5 gives the median.</translation>
    </message>
    <message>
      <source>absolute (L1)</source>
      <translation>absolute (L1)</translation>
    </message>
    <message>
      <source>exponential (AdaBoost)</source>
      <translation>exponential (AdaBoost)</translation>
    </message>
    <message>
      <source>hinge (SVM)</source>
      <translation>hinge (SVM)</translation>
    </message>
    <message>
      <source>log-cosh</source>
      <translation>log-cosh</translation>
    </message>
    <message>
      <source>logistic</source>
      <translation>logistic</translation>
    </message>
    <message>
      <source>modified Huber</source>
      <translation>modified Huber</translation>
    </message>
    <message>
      <source>perceptron</source>
      <translation>perceptron</translation>
    </message>
    <message>
      <source>quantile (τ)</source>
      <translation>quantile (τ)</translation>
    </message>
    <message>
      <source>squared (L2)</source>
      <translation>squared (L2)</translation>
    </message>
    <message>
      <source>squared hinge</source>
      <translation>squared hinge</translation>
    </message>
    <message>
      <source>ε-insensitive (SVR)</source>
      <translation>ε-insensitive (SVR)</translation>
    </message>
  </context>
  <context>
    <name>menu</name>
    <message numerus="yes">
      <source>%n frames</source>
      <translation>
        <numerusform>%n frame</numerusform>
        <numerusform>%n frames</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n saved setting(s) ignored: {problems}</source>
      <translation>
        <numerusform>%n saved setting ignored: {problems}</numerusform>
        <numerusform>%n saved settings ignored: {problems}</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;About LossLab</source>
      <translation>&amp;About LossLab</translation>
    </message>
    <message>
      <source>&amp;Copy figure</source>
      <translation>&amp;Copy figure</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <source>&amp;Open session…</source>
      <translation>&amp;Open session…</translation>
    </message>
    <message>
      <source>&amp;Presenter mode (large text, thick lines)</source>
      <translation>&amp;Presenter mode (large text, thick lines)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>&amp;Reset layout</source>
      <translation>&amp;Reset layout</translation>
    </message>
    <message>
      <source>&amp;Save session…</source>
      <translation>&amp;Save session…</translation>
    </message>
    <message>
      <source>&amp;Theme</source>
      <translation>&amp;Theme</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>16:9 slide (1920 × 1080)</source>
      <translation>16:9 slide (1920 × 1080)</translation>
    </message>
    <message>
      <source>4:3 (1600 × 1200)</source>
      <translation>4:3 (1600 × 1200)</translation>
    </message>
    <message>
      <source>About LossLab</source>
      <translation>About LossLab</translation>
    </message>
    <message>
      <source>Animated GIF (*.gif)</source>
      <translation>Animated GIF (*.gif)</translation>
    </message>
    <message>
      <source>CSV data (*.csv)</source>
      <translation>CSV data (*.csv)</translation>
    </message>
    <message>
      <source>Could not open the session</source>
      <translation>Could not open the session</translation>
    </message>
    <message>
      <source>Could not save the session</source>
      <translation>Could not save the session</translation>
    </message>
    <message>
      <source>Current theme</source>
      <translation>Current theme</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>Custom</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Dark</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Export &amp;data as CSV…</source>
      <translation>Export &amp;data as CSV…</translation>
    </message>
    <message>
      <source>Export data as &amp;JSON…</source>
      <translation>Export data as &amp;JSON…</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>Export failed</translation>
    </message>
    <message>
      <source>Export figure</source>
      <translation>Export figure</translation>
    </message>
    <message>
      <source>Export figure as &amp;PNG…</source>
      <translation>Export figure as &amp;PNG…</translation>
    </message>
    <message>
      <source>Export figure as &amp;SVG…</source>
      <translation>Export figure as &amp;SVG…</translation>
    </message>
    <message>
      <source>Figure copied to the clipboard</source>
      <translation>Figure copied to the clipboard</translation>
    </message>
    <message>
      <source>Follow the system</source>
      <translation>Follow the system</translation>
    </message>
    <message>
      <source>Height</source>
      <translation>Height</translation>
    </message>
    <message>
      <source>High contrast</source>
      <translation>High contrast</translation>
    </message>
    <message>
      <source>How to read &amp;this panel</source>
      <translation>How to read &amp;this panel</translation>
    </message>
    <message>
      <source>How to read this panel</source>
      <translation>How to read this panel</translation>
    </message>
    <message>
      <source>JSON data (*.json)</source>
      <translation>JSON data (*.json)</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <source>Learn loss functions by playing with them.</source>
      <translation>Learn loss functions by playing with them.</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Light</translation>
    </message>
    <message>
      <source>Light (for print)</source>
      <translation>Light (for print)</translation>
    </message>
    <message>
      <source>Loading LossLab…</source>
      <translation>Loading LossLab…</translation>
    </message>
    <message>
      <source>LossLab session (*.json)</source>
      <translation>LossLab session (*.json)</translation>
    </message>
    <message>
      <source>LossLab session (*.json);;All files (*)</source>
      <translation>LossLab session (*.json);;All files (*)</translation>
    </message>
    <message>
      <source>On-screen size</source>
      <translation>On-screen size</translation>
    </message>
    <message>
      <source>Open session</source>
      <translation>Open session</translation>
    </message>
    <message>
      <source>PNG image (*.png)</source>
      <translation>PNG image (*.png)</translation>
    </message>
    <message>
      <source>PNG scale</source>
      <translation>PNG scale</translation>
    </message>
    <message>
      <source>SVG vector image (*.svg)</source>
      <translation>SVG vector image (*.svg)</translation>
    </message>
    <message>
      <source>Save &amp;window screenshot…</source>
      <translation>Save &amp;window screenshot…</translation>
    </message>
    <message>
      <source>Save session</source>
      <translation>Save session</translation>
    </message>
    <message>
      <source>Save window screenshot</source>
      <translation>Save window screenshot</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>Saved {path}</translation>
    </message>
    <message>
      <source>Screenshot failed</source>
      <translation>Screenshot failed</translation>
    </message>
    <message>
      <source>Session loaded from {path}</source>
      <translation>Session loaded from {path}</translation>
    </message>
    <message>
      <source>Session opened with problems</source>
      <translation>Session opened with problems</translation>
    </message>
    <message>
      <source>Session saved to {path}</source>
      <translation>Session saved to {path}</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>Square (1200 × 1200)</source>
      <translation>Square (1200 × 1200)</translation>
    </message>
    <message>
      <source>System</source>
      <translation>System</translation>
    </message>
    <message>
      <source>Theme</source>
      <translation>Theme</translation>
    </message>
    <message>
      <source>Width</source>
      <translation>Width</translation>
    </message>
    <message>
      <source>Wrote {path}</source>
      <translation>Wrote {path}</translation>
    </message>
    <message>
      <source>Wrote {path} ({what})</source>
      <translation>Wrote {path} ({what})</translation>
    </message>
    <message>
      <source>dock layout unreadable</source>
      <translation>dock layout unreadable</translation>
    </message>
    <message>
      <source>settings from another version ignored</source>
      <translation>settings from another version ignored</translation>
    </message>
    <message>
      <source>the dock layout could not be restored; kept the current one</source>
      <translation>the dock layout could not be restored; kept the current one</translation>
    </message>
    <message>
      <source>window geometry unreadable</source>
      <translation>window geometry unreadable</translation>
    </message>
    <message>
      <source>{panel}: stored parameters unreadable</source>
      <translation>{panel}: stored parameters unreadable</translation>
    </message>
  </context>
  <context>
    <name>network</name>
    <message>
      <source>A network built by hand: the inputs x (three numbers, the last always 1 so that it acts as a bias) feed a hidden layer of sigmoid units through the weights W1, which feed one sigmoid output ŷ through W2. The targets are 1 exactly when the first two inputs differ, which no single neuron can learn. Backpropagation applies the chain rule layer by layer to get the gradient of the loss with respect to every weight, and each iteration moves all weights a step (the learning rate) down that gradient.</source>
      <translation>A network built by hand: the inputs x (three numbers, the last always 1 so that it acts as a bias) feed a hidden layer of sigmoid units through the weights W1, which feed one sigmoid output ŷ through W2. The targets are 1 exactly when the first two inputs differ, which no single neuron can learn. Backpropagation applies the chain rule layer by layer to get the gradient of the loss with respect to every weight, and each iteration moves all weights a step (the learning rate) down that gradient.</translation>
    </message>
    <message>
      <source>After {iterations} updates this run has not got there yet: the largest error is {err}, more than {tol}, and the loss is still falling. More iterations or a larger learning rate would help.</source>
      <translation>After {iterations} updates this run has not got there yet: the largest error is {err}, more than {tol}, and the loss is still falling. More iterations or a larger learning rate would help.</translation>
    </message>
    <message>
      <source>Cross-entropy</source>
      <translation>Cross-entropy</translation>
    </message>
    <message>
      <source>Cross-entropy L = −Σ[y ln ŷ + (1 − y) ln(1 − ŷ)] (nats). At the output its gradient is simply ŷ − y: the σ′ factor cancels, so a confidently wrong output still gets a large push. It reaches the targets several times sooner than the squared error, but with a learning rate of 1 that larger push can overshoot early on, and for some seeds the loss briefly rises before it falls.</source>
      <translation>Cross-entropy L = −Σ[y ln ŷ + (1 − y) ln(1 − ŷ)] (nats). At the output its gradient is simply ŷ − y: the σ′ factor cancels, so a confidently wrong output still gets a large push. It reaches the targets several times sooner than the squared error, but with a learning rate of 1 that larger push can overshoot early on, and for some seeds the loss briefly rises before it falls.</translation>
    </message>
    <message>
      <source>Loss:  iteration = {k:.0f},  loss = {loss:.4g}</source>
      <translation>Loss:  iteration = {k:.0f},  loss = {loss:.4g}</translation>
    </message>
    <message>
      <source>Sum of squared errors</source>
      <translation>Sum of squared errors</translation>
    </message>
    <message>
      <source>Sum of squared errors L = Σ(y − ŷ)². Its gradient at the output carries the sigmoid's slope σ′(z) = ŷ(1 − ŷ), which is small whenever the output is near 0 or 1, so the network creeps towards the targets; the read-out says how many updates each loss needs to get every prediction within 0.05 of its target.</source>
      <translation>Sum of squared errors L = Σ(y − ŷ)². Its gradient at the output carries the sigmoid's slope σ′(z) = ŷ(1 − ŷ), which is small whenever the output is near 0 or 1, so the network creeps towards the targets; the read-out says how many updates each loss needs to get every prediction within 0.05 of its target.</translation>
    </message>
    <message>
      <source>This run brings every prediction within {tol} of its target after {n} updates and ends with the largest error {err}. The predictions end close to, but not exactly on, the targets; that small remaining error is normal, not overfitting.</source>
      <translation>This run brings every prediction within {tol} of its target after {n} updates and ends with the largest error {err}. The predictions end close to, but not exactly on, the targets; that small remaining error is normal, not overfitting.</translation>
    </message>
    <message>
      <source>This run broke down: its numbers stopped being finite. Try a smaller learning rate.</source>
      <translation>This run broke down: its numbers stopped being finite. Try a smaller learning rate.</translation>
    </message>
    <message>
      <source>This run failed: after {iterations} updates the largest error is still {err}, so at least one prediction is on the wrong side of 0.5, and the loss has stopped falling. It is stuck (a flat region or a poor local minimum, or too few hidden units): try another seed, more hidden units or another learning rate.</source>
      <translation>This run failed: after {iterations} updates the largest error is still {err}, so at least one prediction is on the wrong side of 0.5, and the loss has stopped falling. It is stuck (a flat region or a poor local minimum, or too few hidden units): try another seed, more hidden units or another learning rate.</translation>
    </message>
    <message numerus="yes">
      <source>after %n update(s)</source>
      <translation>
        <numerusform>after %n update</numerusform>
        <numerusform>after %n updates</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>not in %n update(s)</source>
      <translation>
        <numerusform>not in %n update</numerusform>
        <numerusform>not in %n updates</numerusform>
      </translation>
    </message>
    <message>
      <source>{loss} (nats)</source>
      <translation>{loss} (nats)</translation>
    </message>
  </context>
  <context>
    <name>neuron</name>
    <message>
      <source>
&lt;h3&gt;Quadratic cost versus cross-entropy on one neuron&lt;/h3&gt;
&lt;p&gt;The neuron computes &lt;i&gt;z&lt;/i&gt; = &lt;i&gt;w&lt;/i&gt;·&lt;i&gt;x&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt; and outputs
&lt;i&gt;a&lt;/i&gt; = σ(&lt;i&gt;z&lt;/i&gt;) = 1/(1 + e&lt;sup&gt;−z&lt;/sup&gt;). Both runs start from the same weight and bias
and take the same kind of step every epoch: &lt;i&gt;w&lt;/i&gt; ← &lt;i&gt;w&lt;/i&gt; − η·∂C/∂w,
&lt;i&gt;b&lt;/i&gt; ← &lt;i&gt;b&lt;/i&gt; − η·∂C/∂b. Only the cost differs.&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Quadratic&lt;/b&gt;: {cost_q}, so&lt;br&gt;{grad_q}&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Cross-entropy&lt;/b&gt;: {cost_ce}, so&lt;br&gt;{grad_ce}&lt;br&gt;
The σ′(z) from the chain rule is cancelled by the 1/(a(1 − a)) in ∂C/∂a.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;Why the quadratic run can crawl.&lt;/b&gt; σ′(z) = σ(z)(1 − σ(z)) is at most 0.25 and almost
zero at both ends of the sigmoid.&lt;/p&gt;
{start}
{rates}
&lt;p&gt;&lt;b&gt;Cost surfaces.&lt;/b&gt; C depends on w and b only through z = w·x + b, so each heat map is a set
of parallel stripes (darker is lower; the colour bar gives the cost). The path shows where
gradient descent went.&lt;/p&gt;
</source>
      <translation>
&lt;h3&gt;Quadratic cost versus cross-entropy on one neuron&lt;/h3&gt;
&lt;p&gt;The neuron computes &lt;i&gt;z&lt;/i&gt; = &lt;i&gt;w&lt;/i&gt;·&lt;i&gt;x&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt; and outputs
&lt;i&gt;a&lt;/i&gt; = σ(&lt;i&gt;z&lt;/i&gt;) = 1/(1 + e&lt;sup&gt;−z&lt;/sup&gt;). Both runs start from the same weight and bias
and take the same kind of step every epoch: &lt;i&gt;w&lt;/i&gt; ← &lt;i&gt;w&lt;/i&gt; − η·∂C/∂w,
&lt;i&gt;b&lt;/i&gt; ← &lt;i&gt;b&lt;/i&gt; − η·∂C/∂b. Only the cost differs.&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Quadratic&lt;/b&gt;: {cost_q}, so&lt;br&gt;{grad_q}&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Cross-entropy&lt;/b&gt;: {cost_ce}, so&lt;br&gt;{grad_ce}&lt;br&gt;
The σ′(z) from the chain rule is cancelled by the 1/(a(1 − a)) in ∂C/∂a.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;Why the quadratic run can crawl.&lt;/b&gt; σ′(z) = σ(z)(1 − σ(z)) is at most 0.25 and almost
zero at both ends of the sigmoid.&lt;/p&gt;
{start}
{rates}
&lt;p&gt;&lt;b&gt;Cost surfaces.&lt;/b&gt; C depends on w and b only through z = w·x + b, so each heat map is a set
of parallel stripes (darker is lower; the colour bar gives the cost). The path shows where
gradient descent went.&lt;/p&gt;
</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Learning rates.&lt;/b&gt; Both runs use the same η = {eta}, the fair comparison: they differ only in the cost.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;Learning rates.&lt;/b&gt; Both runs use the same η = {eta}, the fair comparison: they differ only in the cost.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Learning rates.&lt;/b&gt; The quadratic run uses η = {eta}, cross-entropy η = {eta_ce}: the runs differ in step size as well as in cost. (The classic book figure trained cross-entropy with η = 0.005; its preset reproduces that.)&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;Learning rates.&lt;/b&gt; The quadratic run uses η = {eta}, cross-entropy η = {eta_ce}: the runs differ in step size as well as in cost. (The classic book figure trained cross-entropy with η = 0.005; its preset reproduces that.)&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;This start.&lt;/b&gt; z = {z} gives a = {a} for a target of y = {y}; the slope there is σ′(z) = {slope}.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;This start.&lt;/b&gt; z = {z} gives a = {a} for a target of y = {y}; the slope there is σ′(z) = {slope}.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Here the sigmoid is not flat, so the quadratic run is not held back much. Start far out on the curve (a preset, or a large |w|) to see it stall while cross-entropy does not.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Here the sigmoid is not flat, so the quadratic run is not held back much. Start far out on the curve (a preset, or a large |w|) to see it stall while cross-entropy does not.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;The neuron is confidently wrong and sits on a flat part of the sigmoid: look at its tangent in the lower-left plot. Its error is large, but the quadratic gradient is multiplied by that tiny slope, so it barely moves, exactly when it most needs to. Cross-entropy's gradient is just the error times the input: the more wrong the neuron, the bigger the step, so it drops at once.&lt;/p&gt;</source>
      <translation>&lt;p&gt;The neuron is confidently wrong and sits on a flat part of the sigmoid: look at its tangent in the lower-left plot. Its error is large, but the quadratic gradient is multiplied by that tiny slope, so it barely moves, exactly when it most needs to. Cross-entropy's gradient is just the error times the input: the more wrong the neuron, the bigger the step, so it drops at once.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>A learning rate a million times too large: the first step throws the neuron so far along the sigmoid that it can no longer learn.</source>
      <translation>A learning rate a million times too large: the first step throws the neuron so far along the sigmoid that it can no longer learn.</translation>
    </message>
    <message>
      <source>Book's rates: cross-entropy η = 0.005 (starts at 0.98)</source>
      <translation>Book's rates: cross-entropy η = 0.005 (starts at 0.98)</translation>
    </message>
    <message>
      <source>Cost C</source>
      <translation>Cost C</translation>
    </message>
    <message>
      <source>Cross-entropy</source>
      <translation>Cross-entropy</translation>
    </message>
    <message>
      <source>Cross-entropy cost C(w, b)</source>
      <translation>Cross-entropy cost C(w, b)</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>Custom</translation>
    </message>
    <message>
      <source>Far too large η = 10⁶ (breaks down)</source>
      <translation>Far too large η = 10⁶ (breaks down)</translation>
    </message>
    <message>
      <source>Gradient |∂C/∂w|</source>
      <translation>Gradient |∂C/∂w|</translation>
    </message>
    <message>
      <source>Output 0.82 at the start, target 0; η = 0.15 for both costs.  Both learn, cross-entropy faster.</source>
      <translation>Output 0.82 at the start, target 0; η = 0.15 for both costs.  Both learn, cross-entropy faster.</translation>
    </message>
    <message>
      <source>Output 0.98 at the start, deep on the flat part of the sigmoid; η = 0.15 for both costs.  The quadratic run crawls, cross-entropy drops at once.</source>
      <translation>Output 0.98 at the start, deep on the flat part of the sigmoid; η = 0.15 for both costs.  The quadratic run crawls, cross-entropy drops at once.</translation>
    </message>
    <message>
      <source>Output a = σ(z)</source>
      <translation>Output a = σ(z)</translation>
    </message>
    <message>
      <source>Preset</source>
      <translation>Preset</translation>
    </message>
    <message>
      <source>Quadratic</source>
      <translation>Quadratic</translation>
    </message>
    <message>
      <source>Quadratic cost C(w, b)</source>
      <translation>Quadratic cost C(w, b)</translation>
    </message>
    <message>
      <source>Starts at 0.82 (w₀ = 0.6, b₀ = 0.9)</source>
      <translation>Starts at 0.82 (w₀ = 0.6, b₀ = 0.9)</translation>
    </message>
    <message>
      <source>Starts at 0.98 (w₀ = b₀ = 2)</source>
      <translation>Starts at 0.98 (w₀ = b₀ = 2)</translation>
    </message>
    <message>
      <source>The classic book figure trained cross-entropy with η = 0.005 but the quadratic cost with η = 0.15.  With the smaller rate cross-entropy only reaches about 0.78 after 300 epochs: this compares learning rates, not costs.</source>
      <translation>The classic book figure trained cross-entropy with η = 0.005 but the quadratic cost with η = 0.15.  With the smaller rate cross-entropy only reaches about 0.78 after 300 epochs: this compares learning rates, not costs.</translation>
    </message>
    <message>
      <source>Why: σ′(z) at each run's z</source>
      <translation>Why: σ′(z) at each run's z</translation>
    </message>
    <message>
      <source>a value stopped being a finite number</source>
      <translation>a value stopped being a finite number</translation>
    </message>
    <message>
      <source>cost C</source>
      <translation>cost C</translation>
    </message>
    <message>
      <source>epoch</source>
      <translation>epoch</translation>
    </message>
    <message>
      <source>stopped at</source>
      <translation>stopped at</translation>
    </message>
    <message>
      <source>stopped at epoch</source>
      <translation>stopped at epoch</translation>
    </message>
    <message>
      <source>the update threw the weighted input to z = {z:.4g}, so far out on the sigmoid that a is 0 or 1 to the last digit and σ′(z) is below 1e-300: the step overshot by orders of magnitude</source>
      <translation>the update threw the weighted input to z = {z:.4g}, so far out on the sigmoid that a is 0 or 1 to the last digit and σ′(z) is below 1e-300: the step overshot by orders of magnitude</translation>
    </message>
    <message>
      <source>the weight or bias became {w!r}, {b!r}</source>
      <translation>the weight or bias became {w!r}, {b!r}</translation>
    </message>
    <message>
      <source>{cost} run stopped at epoch {epoch}: {reason}.  The learning rate η = {eta:g} is far too large: each step is meant to move the parameters a little way downhill, but this one jumped far past the valley.  Try a smaller η (0.15 is a good start).</source>
      <translation>{cost} run stopped at epoch {epoch}: {reason}.  The learning rate η = {eta:g} is far too large: each step is meant to move the parameters a little way downhill, but this one jumped far past the valley.  Try a smaller η (0.15 is a good start).</translation>
    </message>
    <message>
      <source>η is far too large</source>
      <translation>η is far too large</translation>
    </message>
  </context>
  <context>
    <name>panels</name>
    <message>
      <source>&lt;b&gt;Archer {0} never {1}&lt;/b&gt; (p = {2:g}): {3} would carry −log 0 = ∞ information, so it is shown as ∞ in the table and not plotted. His result is certain, so his entropy is 0.</source>
      <translation>&lt;b&gt;Archer {0} never {1}&lt;/b&gt; (p = {2:g}): {3} would carry −log 0 = ∞ information, so it is shown as ∞ in the table and not plotted. His result is certain, so his entropy is 0.</translation>
    </message>
    <message>
      <source>&lt;b&gt;{0} gives probability 0 to class {1}&lt;/b&gt;, which the target says can happen. Its term −pᵢ log 0 is infinite, so H(p, {0}) = ∞: a model that is certain an outcome is impossible pays an unbounded price when it happens. This is why frameworks clip probabilities away from 0 (Keras uses ε = 1e-7).</source>
      <translation>&lt;b&gt;{0} gives probability 0 to class {1}&lt;/b&gt;, which the target says can happen. Its term −pᵢ log 0 is infinite, so H(p, {0}) = ∞: a model that is certain an outcome is impossible pays an unbounded price when it happens. This is why frameworks clip probabilities away from 0 (Keras uses ε = 1e-7).</translation>
    </message>
    <message>
      <source>&lt;h3&gt;Binary cross-entropy&lt;/h3&gt;&lt;p&gt;Each cell is its own yes/no question: a sigmoid σ(x) = 1 / (1 + e^(−x)) turns the logit into a probability p, and the loss of the cell is −[y log p + (1 − y) log(1 − p)]. Keras averages the cells of a row, then the rows; PyTorch averages all cells at once (the same number for 'mean').&lt;/p&gt;&lt;p&gt;From logits, both frameworks use the rearranged form max(x, 0) − x·y + log(1 + e^(−|x|)), exact for any x. From probabilities, Keras and the hand-written version clip p to [1e-7, 1 − 1e-7] first, and PyTorch's BCELoss stops each log at −100.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Binary cross-entropy&lt;/h3&gt;&lt;p&gt;Each cell is its own yes/no question: a sigmoid σ(x) = 1 / (1 + e^(−x)) turns the logit into a probability p, and the loss of the cell is −[y log p + (1 − y) log(1 − p)]. Keras averages the cells of a row, then the rows; PyTorch averages all cells at once (the same number for 'mean').&lt;/p&gt;&lt;p&gt;From logits, both frameworks use the rearranged form max(x, 0) − x·y + log(1 + e^(−|x|)), exact for any x. From probabilities, Keras and the hand-written version clip p to [1e-7, 1 − 1e-7] first, and PyTorch's BCELoss stops each log at −100.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;h3&gt;From logits to one number&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Softmax&lt;/b&gt; turns a row of logits z into probabilities p = e^z / Σ e^z. Subtracting the row maximum first changes nothing in the result but keeps e^z from overflowing (turn it off and type 1000 to see why). &lt;b&gt;Log&lt;/b&gt; maps the probabilities to (−∞, 0]; written as (z − max) − log Σ e^(z − max) it stays finite even where p rounds to 0. &lt;b&gt;NLL&lt;/b&gt; picks the log-probability of the target class and negates it.&lt;/p&gt;&lt;p&gt;PyTorch's CrossEntropyLoss is exactly LogSoftmax followed by NLLLoss. With class weights, each row's loss is multiplied by the weight of its target, and the mean divides by the sum of those weights, not by the number of rows. Keras' CategoricalCrossentropy wants one-hot targets, SparseCategoricalCrossentropy class indices; for the same batch both give the same number, and without weights it is PyTorch's number too.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;From logits to one number&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Softmax&lt;/b&gt; turns a row of logits z into probabilities p = e^z / Σ e^z. Subtracting the row maximum first changes nothing in the result but keeps e^z from overflowing (turn it off and type 1000 to see why). &lt;b&gt;Log&lt;/b&gt; maps the probabilities to (−∞, 0]; written as (z − max) − log Σ e^(z − max) it stays finite even where p rounds to 0. &lt;b&gt;NLL&lt;/b&gt; picks the log-probability of the target class and negates it.&lt;/p&gt;&lt;p&gt;PyTorch's CrossEntropyLoss is exactly LogSoftmax followed by NLLLoss. With class weights, each row's loss is multiplied by the weight of its target, and the mean divides by the sum of those weights, not by the number of rows. Keras' CategoricalCrossentropy wants one-hot targets, SparseCategoricalCrossentropy class indices; for the same batch both give the same number, and without weights it is PyTorch's number too.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;h3&gt;Information&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;self-information&lt;/b&gt; of an outcome, I = −log p, measures how surprised you should be to see it. A sure thing (p = 1) tells you nothing; the rarer the outcome, the more it tells you. With the logarithm to base {0} it is counted in &lt;b&gt;{1}&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;{2}&lt;/p&gt;&lt;h3&gt;Entropy&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;entropy&lt;/b&gt; H = −Σ p log p is the surprise you expect on average before the arrow flies, that is, how uncertain the result is (0·log 0 counts as 0). {3} A yes/no trial is most uncertain at p = ½, one bit. Drag an archer along the curve to see every number change.&lt;/p&gt;&lt;h3&gt;Cross-entropy&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;cross-entropy&lt;/b&gt; H(p, q) = −Σ pᵢ log qᵢ is the average surprise when the outcomes follow the target p but are scored by a prediction q. It is never below H(p), and the excess is the Kullback–Leibler divergence: H(p, q) = H(p) + KL(p‖q). With a one-hot target only the true class counts, so the cross-entropy is −log of the probability the prediction gave that class: the prediction that puts more weight where the target is has the smaller cross-entropy, which is why it works as a classification loss. {4}&lt;/p&gt;&lt;p&gt;Editing one probability (spin box or bar) keeps that value and rescales the other classes to share the rest in their old proportions, so each distribution always sums to 1.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Information&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;self-information&lt;/b&gt; of an outcome, I = −log p, measures how surprised you should be to see it. A sure thing (p = 1) tells you nothing; the rarer the outcome, the more it tells you. With the logarithm to base {0} it is counted in &lt;b&gt;{1}&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;{2}&lt;/p&gt;&lt;h3&gt;Entropy&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;entropy&lt;/b&gt; H = −Σ p log p is the surprise you expect on average before the arrow flies, that is, how uncertain the result is (0·log 0 counts as 0). {3} A yes/no trial is most uncertain at p = ½, one bit. Drag an archer along the curve to see every number change.&lt;/p&gt;&lt;h3&gt;Cross-entropy&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;cross-entropy&lt;/b&gt; H(p, q) = −Σ pᵢ log qᵢ is the average surprise when the outcomes follow the target p but are scored by a prediction q. It is never below H(p), and the excess is the Kullback–Leibler divergence: H(p, q) = H(p) + KL(p‖q). With a one-hot target only the true class counts, so the cross-entropy is −log of the probability the prediction gave that class: the prediction that puts more weight where the target is has the smaller cross-entropy, which is why it works as a classification loss. {4}&lt;/p&gt;&lt;p&gt;Editing one probability (spin box or bar) keeps that value and rescales the other classes to share the rest in their old proportions, so each distribution always sums to 1.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Add class</source>
      <translation>Add class</translation>
    </message>
    <message>
      <source>Add row</source>
      <translation>Add row</translation>
    </message>
    <message>
      <source>Archer {0} always hits (p = 1): a hit is certain and tells you nothing (0 {1}).</source>
      <translation>Archer {0} always hits (p = 1): a hit is certain and tells you nothing (0 {1}).</translation>
    </message>
    <message>
      <source>Archer {0} hits with probability {1}: a hit carries {2} {4} of information and a miss {3} {4}.</source>
      <translation>Archer {0} hits with probability {1}: a hit carries {2} {4} of information and a miss {3} {4}.</translation>
    </message>
    <message>
      <source>Archer {0} never hits (p = 0): a miss is certain and tells you nothing (0 {1}).</source>
      <translation>Archer {0} never hits (p = 0): a miss is certain and tells you nothing (0 {1}).</translation>
    </message>
    <message>
      <source>Archery, in {0}:</source>
      <translation>Archery, in {0}:</translation>
    </message>
    <message>
      <source>Batch: logits and targets</source>
      <translation>Batch: logits and targets</translation>
    </message>
    <message>
      <source>Binary entropy H(p)</source>
      <translation>Binary entropy H(p)</translation>
    </message>
    <message>
      <source>Binary entropy:  p = {p:.4g},  H = {h:.4g} {unit}</source>
      <translation>Binary entropy:  p = {p:.4g},  H = {h:.4g} {unit}</translation>
    </message>
    <message>
      <source>Both predictions are equally far from the target.</source>
      <translation>Both predictions are equally far from the target.</translation>
    </message>
    <message>
      <source>Both results are equally hard to call ({0} {1} each).</source>
      <translation>Both results are equally hard to call ({0} {1} each).</translation>
    </message>
    <message>
      <source>Copied {0} code to the clipboard.</source>
      <translation>Copied {0} code to the clipboard.</translation>
    </message>
    <message>
      <source>Copy Keras code</source>
      <translation>Copy Keras code</translation>
    </message>
    <message>
      <source>Copy PyTorch code</source>
      <translation>Copy PyTorch code</translation>
    </message>
    <message>
      <source>Copy figure</source>
      <translation>Copy figure</translation>
    </message>
    <message>
      <source>Cross-entropy, step by step</source>
      <translation>Cross-entropy, step by step</translation>
    </message>
    <message>
      <source>Cross-entropy:  class {k},  probability {p:.3g}</source>
      <translation>Cross-entropy:  class {k},  probability {p:.3g}</translation>
    </message>
    <message>
      <source>Cross-entropy: target and predictions</source>
      <translation>Cross-entropy: target and predictions</translation>
    </message>
    <message>
      <source>Every framework prints the same loss for this batch.</source>
      <translation>Every framework prints the same loss for this batch.</translation>
    </message>
    <message>
      <source>Every ŷ within {tol} of y:</source>
      <translation>Every ŷ within {tol} of y:</translation>
    </message>
    <message>
      <source>Fit lab</source>
      <translation>Fit lab</translation>
    </message>
    <message>
      <source>Frameworks</source>
      <translation>Frameworks</translation>
    </message>
    <message>
      <source>Hart</source>
      <translation>Hart</translation>
    </message>
    <message>
      <source>Here q1 scores H(p, q1) = {0} {2} and q2 scores H(p, q2) = {1} {2}.</source>
      <translation>Here q1 scores H(p, q1) = {0} {2} and q2 scores H(p, q2) = {1} {2}.</translation>
    </message>
    <message>
      <source>I(hit)</source>
      <translation>I(hit)</translation>
    </message>
    <message>
      <source>I(miss)</source>
      <translation>I(miss)</translation>
    </message>
    <message>
      <source>Information</source>
      <translation>Information</translation>
    </message>
    <message>
      <source>Likelihood → loss</source>
      <translation>Likelihood → loss</translation>
    </message>
    <message>
      <source>Loss Curves</source>
      <translation>Loss Curves</translation>
    </message>
    <message>
      <source>Loss against iteration</source>
      <translation>Loss against iteration</translation>
    </message>
    <message>
      <source>Loss curves</source>
      <translation>Loss curves</translation>
    </message>
    <message>
      <source>L′ {loss}</source>
      <translation>L′ {loss}</translation>
    </message>
    <message>
      <source>Neuron Training</source>
      <translation>Neuron Training</translation>
    </message>
    <message>
      <source>Pipeline, row by row</source>
      <translation>Pipeline, row by row</translation>
    </message>
    <message>
      <source>Predictions and targets</source>
      <translation>Predictions and targets</translation>
    </message>
    <message>
      <source>Predictions and targets at iteration {k}</source>
      <translation>Predictions and targets at iteration {k}</translation>
    </message>
    <message>
      <source>Probabilities per row</source>
      <translation>Probabilities per row</translation>
    </message>
    <message>
      <source>Probability of this class in {0}. The other classes are rescaled to share the rest in their old proportions, so the distribution still sums to 1.</source>
      <translation>Probability of this class in {0}. The other classes are rescaled to share the rest in their old proportions, so the distribution still sums to 1.</translation>
    </message>
    <message>
      <source>Reduction</source>
      <translation>Reduction</translation>
    </message>
    <message>
      <source>Regression losses, step by step</source>
      <translation>Regression losses, step by step</translation>
    </message>
    <message>
      <source>Remove class</source>
      <translation>Remove class</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>Remove row</translation>
    </message>
    <message>
      <source>Reset parameters</source>
      <translation>Reset parameters</translation>
    </message>
    <message>
      <source>Risk lab</source>
      <translation>Risk lab</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>Self-information −log p</source>
      <translation>Self-information −log p</translation>
    </message>
    <message>
      <source>Self-information:  p = {p:.4g},  −log p = {i:.4g} {unit}</source>
      <translation>Self-information:  p = {p:.4g},  −log p = {i:.4g} {unit}</translation>
    </message>
    <message>
      <source>Term by term, in {0}:</source>
      <translation>Term by term, in {0}:</translation>
    </message>
    <message>
      <source>Two-layer network</source>
      <translation>Two-layer network</translation>
    </message>
    <message>
      <source>W1 (inputs × hidden)</source>
      <translation>W1 (inputs × hidden)</translation>
    </message>
    <message>
      <source>W2 (hidden × output)</source>
      <translation>W2 (hidden × output)</translation>
    </message>
    <message>
      <source>Why the numbers differ here</source>
      <translation>Why the numbers differ here</translation>
    </message>
    <message>
      <source>a hit</source>
      <translation>a hit</translation>
    </message>
    <message>
      <source>a miss</source>
      <translation>a miss</translation>
    </message>
    <message>
      <source>archer {0}</source>
      <translation>archer {0}</translation>
    </message>
    <message>
      <source>archer {0}: hit</source>
      <translation>archer {0}: hit</translation>
    </message>
    <message>
      <source>archer {0}: miss</source>
      <translation>archer {0}: miss</translation>
    </message>
    <message>
      <source>bits</source>
      <translation>bits</translation>
    </message>
    <message>
      <source>class</source>
      <translation>class</translation>
    </message>
    <message>
      <source>class {0}</source>
      <translation>class {0}</translation>
    </message>
    <message>
      <source>computed by</source>
      <translation>computed by</translation>
    </message>
    <message>
      <source>controls</source>
      <translation>controls</translation>
    </message>
    <message>
      <source>figure</source>
      <translation>figure</translation>
    </message>
    <message>
      <source>hartleys</source>
      <translation>hartleys</translation>
    </message>
    <message>
      <source>hidden unit</source>
      <translation>hidden unit</translation>
    </message>
    <message>
      <source>hit probability p</source>
      <translation>hit probability p</translation>
    </message>
    <message>
      <source>hits</source>
      <translation>hits</translation>
    </message>
    <message>
      <source>input</source>
      <translation>input</translation>
    </message>
    <message>
      <source>input x</source>
      <translation>input x</translation>
    </message>
    <message>
      <source>iteration</source>
      <translation>iteration</translation>
    </message>
    <message>
      <source>loss</source>
      <translation>loss</translation>
    </message>
    <message>
      <source>loss / slope</source>
      <translation>loss / slope</translation>
    </message>
    <message>
      <source>margin m = y·f(x)</source>
      <translation>margin m = y·f(x)</translation>
    </message>
    <message>
      <source>mean over the row</source>
      <translation>mean over the row</translation>
    </message>
    <message>
      <source>misses</source>
      <translation>misses</translation>
    </message>
    <message>
      <source>nats</source>
      <translation>nats</translation>
    </message>
    <message>
      <source>number of rows that count</source>
      <translation>number of rows that count</translation>
    </message>
    <message>
      <source>output</source>
      <translation>output</translation>
    </message>
    <message>
      <source>p(hit)</source>
      <translation>p(hit)</translation>
    </message>
    <message>
      <source>prediction q1</source>
      <translation>prediction q1</translation>
    </message>
    <message>
      <source>prediction q2</source>
      <translation>prediction q2</translation>
    </message>
    <message>
      <source>prediction ŷ</source>
      <translation>prediction ŷ</translation>
    </message>
    <message>
      <source>probability</source>
      <translation>probability</translation>
    </message>
    <message>
      <source>probability p</source>
      <translation>probability p</translation>
    </message>
    <message>
      <source>probe</source>
      <translation>probe</translation>
    </message>
    <message>
      <source>reduction = mean: {0} / {1} ({2}) = {3}</source>
      <translation>reduction = mean: {0} / {1} ({2}) = {3}</translation>
    </message>
    <message>
      <source>reduction = none: one loss per row, as listed.</source>
      <translation>reduction = none: one loss per row, as listed.</translation>
    </message>
    <message>
      <source>reduction = sum: Σ row losses = {0}</source>
      <translation>reduction = sum: Σ row losses = {0}</translation>
    </message>
    <message>
      <source>residual r = y − f(x)</source>
      <translation>residual r = y − f(x)</translation>
    </message>
    <message>
      <source>row</source>
      <translation>row</translation>
    </message>
    <message>
      <source>row loss</source>
      <translation>row loss</translation>
    </message>
    <message>
      <source>sample</source>
      <translation>sample</translation>
    </message>
    <message>
      <source>target</source>
      <translation>target</translation>
    </message>
    <message>
      <source>target p</source>
      <translation>target p</translation>
    </message>
    <message>
      <source>target y</source>
      <translation>target y</translation>
    </message>
    <message>
      <source>this row does not count.</source>
      <translation>this row does not count.</translation>
    </message>
    <message>
      <source>weight</source>
      <translation>weight</translation>
    </message>
    <message>
      <source>{0} has the smaller cross-entropy: it is closer to the target. Both share the same H(p), so the whole difference is the divergence KL(p‖q).</source>
      <translation>{0} has the smaller cross-entropy: it is closer to the target. Both share the same H(p), so the whole difference is the divergence KL(p‖q).</translation>
    </message>
    <message>
      <source>{0}'s result is harder to call, so his entropy is higher ({1} {3}) than {2}'s ({4} {3}).</source>
      <translation>{0}'s result is harder to call, so his entropy is higher ({1} {3}) than {2}'s ({4} {3}).</translation>
    </message>
    <message>
      <source>Σ of the targets' weights</source>
      <translation>Σ of the targets' weights</translation>
    </message>
    <message>
      <source>“{0}” is not a number; the cell was not changed.</source>
      <translation>“{0}” is not a number; the cell was not changed.</translation>
    </message>
  </context>
  <context>
    <name>params</name>
    <message>
      <source>Allowed: {allowed}</source>
      <translation>Allowed: {allowed}</translation>
    </message>
    <message>
      <source>Archer A hits</source>
      <translation>Archer A hits</translation>
    </message>
    <message>
      <source>Archer B hits</source>
      <translation>Archer B hits</translation>
    </message>
    <message>
      <source>Binary targets</source>
      <translation>Binary targets</translation>
    </message>
    <message>
      <source>Class weights</source>
      <translation>Class weights</translation>
    </message>
    <message>
      <source>Classes</source>
      <translation>Classes</translation>
    </message>
    <message>
      <source>Cross-entropy η</source>
      <translation>Cross-entropy η</translation>
    </message>
    <message>
      <source>Degree d</source>
      <translation>Degree d</translation>
    </message>
    <message>
      <source>Epochs</source>
      <translation>Epochs</translation>
    </message>
    <message>
      <source>Explain</source>
      <translation>Explain</translation>
    </message>
    <message>
      <source>Frame</source>
      <translation>Frame</translation>
    </message>
    <message>
      <source>From logits</source>
      <translation>From logits</translation>
    </message>
    <message>
      <source>Hidden units</source>
      <translation>Hidden units</translation>
    </message>
    <message>
      <source>Huber δ</source>
      <translation>Huber δ</translation>
    </message>
    <message>
      <source>Ignore index</source>
      <translation>Ignore index</translation>
    </message>
    <message>
      <source>Input x</source>
      <translation>Input x</translation>
    </message>
    <message>
      <source>Intercept b</source>
      <translation>Intercept b</translation>
    </message>
    <message>
      <source>Iterations</source>
      <translation>Iterations</translation>
    </message>
    <message>
      <source>Label smoothing</source>
      <translation>Label smoothing</translation>
    </message>
    <message>
      <source>Learning rate η</source>
      <translation>Learning rate η</translation>
    </message>
    <message>
      <source>Logistic base</source>
      <translation>Logistic base</translation>
    </message>
    <message>
      <source>Logits</source>
      <translation>Logits</translation>
    </message>
    <message>
      <source>Loss</source>
      <translation>Loss</translation>
    </message>
    <message>
      <source>Losses</source>
      <translation>Losses</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>Mode</translation>
    </message>
    <message>
      <source>New point class</source>
      <translation>New point class</translation>
    </message>
    <message>
      <source>Noise</source>
      <translation>Noise</translation>
    </message>
    <message>
      <source>Noise model</source>
      <translation>Noise model</translation>
    </message>
    <message>
      <source>Noise scale</source>
      <translation>Noise scale</translation>
    </message>
    <message>
      <source>Noise σ</source>
      <translation>Noise σ</translation>
    </message>
    <message>
      <source>Own model</source>
      <translation>Own model</translation>
    </message>
    <message>
      <source>Penalty</source>
      <translation>Penalty</translation>
    </message>
    <message>
      <source>Penalty λ</source>
      <translation>Penalty λ</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>Points</translation>
    </message>
    <message>
      <source>Prediction q1</source>
      <translation>Prediction q1</translation>
    </message>
    <message>
      <source>Prediction q2</source>
      <translation>Prediction q2</translation>
    </message>
    <message>
      <source>Predictions</source>
      <translation>Predictions</translation>
    </message>
    <message>
      <source>Probe at</source>
      <translation>Probe at</translation>
    </message>
    <message>
      <source>Quantile τ</source>
      <translation>Quantile τ</translation>
    </message>
    <message>
      <source>Reduction</source>
      <translation>Reduction</translation>
    </message>
    <message>
      <source>Resamples</source>
      <translation>Resamples</translation>
    </message>
    <message>
      <source>SVR ε</source>
      <translation>SVR ε</translation>
    </message>
    <message>
      <source>Same η for both costs</source>
      <translation>Same η for both costs</translation>
    </message>
    <message>
      <source>Sample size n</source>
      <translation>Sample size n</translation>
    </message>
    <message>
      <source>Seed</source>
      <translation>Seed</translation>
    </message>
    <message>
      <source>Show derivatives</source>
      <translation>Show derivatives</translation>
    </message>
    <message>
      <source>Show pulls</source>
      <translation>Show pulls</translation>
    </message>
    <message>
      <source>Slope w</source>
      <translation>Slope w</translation>
    </message>
    <message>
      <source>Smooth L1 β</source>
      <translation>Smooth L1 β</translation>
    </message>
    <message>
      <source>SmoothL1Loss(beta) = HuberLoss(delta=beta) / beta; beta = 0 is plain L1</source>
      <translation>SmoothL1Loss(beta) = HuberLoss(delta=beta) / beta; beta = 0 is plain L1</translation>
    </message>
    <message>
      <source>Speed</source>
      <translation>Speed</translation>
    </message>
    <message>
      <source>Start bias b₀</source>
      <translation>Start bias b₀</translation>
    </message>
    <message>
      <source>Start weight w₀</source>
      <translation>Start weight w₀</translation>
    </message>
    <message>
      <source>Subtract row max</source>
      <translation>Subtract row max</translation>
    </message>
    <message>
      <source>Target p</source>
      <translation>Target p</translation>
    </message>
    <message>
      <source>Target y</source>
      <translation>Target y</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>Targets</translation>
    </message>
    <message>
      <source>Task</source>
      <translation>Task</translation>
    </message>
    <message>
      <source>True function</source>
      <translation>True function</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>a comma-separated list of {choices}</source>
      <translation>a comma-separated list of {choices}</translation>
    </message>
    <message>
      <source>a number {range}</source>
      <translation>a number {range}</translation>
    </message>
    <message>
      <source>a polynomial of your own, lowest power first (e.g. 0,1 is y = x); empty: the fitted polynomial</source>
      <translation>a polynomial of your own, lowest power first (e.g. 0,1 is y = x); empty: the fitted polynomial</translation>
    </message>
    <message>
      <source>a whole number {range}</source>
      <translation>a whole number {range}</translation>
    </message>
    <message>
      <source>at least {low}</source>
      <translation>at least {low}</translation>
    </message>
    <message>
      <source>at most {high}</source>
      <translation>at most {high}</translation>
    </message>
    <message>
      <source>base of the logarithm in the logistic loss; base 2 bounds the 0-1 loss</source>
      <translation>base of the logarithm in the logistic loss; base 2 bounds the 0-1 loss</translation>
    </message>
    <message>
      <source>base of the logarithm: 2 (bits), e (nats) or 10 (hartleys)</source>
      <translation>base of the logarithm: 2 (bits), e (nats) or 10 (hartleys)</translation>
    </message>
    <message>
      <source>binary (sigmoid per cell)</source>
      <translation>binary (sigmoid per cell)</translation>
    </message>
    <message>
      <source>binary mode: a label in [0, 1] for every cell of the table</source>
      <translation>binary mode: a label in [0, 1] for every cell of the table</translation>
    </message>
    <message>
      <source>bits (log base 2)</source>
      <translation>bits (log base 2)</translation>
    </message>
    <message>
      <source>categorical (softmax)</source>
      <translation>categorical (softmax)</translation>
    </message>
    <message>
      <source>categorical: one softmax over the classes of each row; binary: an independent sigmoid per cell</source>
      <translation>categorical: one softmax over the classes of each row; binary: an independent sigmoid per cell</translation>
    </message>
    <message>
      <source>classification (margin)</source>
      <translation>classification (margin)</translation>
    </message>
    <message>
      <source>compute softmax as e^(z − max) / Σ e^(z − max), which cannot overflow; turn off to see e^z overflow for large logits</source>
      <translation>compute softmax as e^(z − max) / Σ e^(z − max), which cannot overflow; turn off to see e^z overflow for large logits</translation>
    </message>
    <message>
      <source>degree of the fitted polynomial</source>
      <translation>degree of the fitted polynomial</translation>
    </message>
    <message>
      <source>draw each point's pull −L′ on every fit</source>
      <translation>draw each point's pull −L′ on every fit</translation>
    </message>
    <message>
      <source>frames/s</source>
      <translation>frames/s</translation>
    </message>
    <message>
      <source>from {low} to {high}</source>
      <translation>from {low} to {high}</translation>
    </message>
    <message>
      <source>gaussian: N(0, σ²); laplace: Laplace with standard deviation σ (scale σ/√2)</source>
      <translation>gaussian: N(0, σ²); laplace: Laplace with standard deviation σ (scale σ/√2)</translation>
    </message>
    <message>
      <source>gaussian: y = w·x + b + N(0, σ²); laplace: Laplace noise of scale s; bernoulli: label 1 with probability σ(w·x + b)</source>
      <translation>gaussian: y = w·x + b + N(0, σ²); laplace: Laplace noise of scale s; bernoulli: label 1 with probability σ(w·x + b)</translation>
    </message>
    <message>
      <source>gradient-descent step size of the quadratic run (and of both runs while same_eta is on)</source>
      <translation>gradient-descent step size of the quadratic run (and of both runs while same_eta is on)</translation>
    </message>
    <message>
      <source>half-width of the ε-insensitive tube</source>
      <translation>half-width of the ε-insensitive tube</translation>
    </message>
    <message>
      <source>hartleys (log base 10)</source>
      <translation>hartleys (log base 10)</translation>
    </message>
    <message>
      <source>how many frames (epochs) play per second</source>
      <translation>how many frames (epochs) play per second</translation>
    </message>
    <message>
      <source>how many independent samples of each size the spread of the empirical risk uses</source>
      <translation>how many independent samples of each size the spread of the empirical risk uses</translation>
    </message>
    <message>
      <source>intercept of the line f(x) = w·x + b (with bernoulli: of the logit)</source>
      <translation>intercept of the line f(x) = w·x + b (with bernoulli: of the logit)</translation>
    </message>
    <message>
      <source>learning rate of the cross-entropy run; equals eta while same_eta is on</source>
      <translation>learning rate of the cross-entropy run; equals eta while same_eta is on</translation>
    </message>
    <message>
      <source>left end of the plotted range</source>
      <translation>left end of the plotted range</translation>
    </message>
    <message>
      <source>line: f(x) = 2x; sine: f(x) = sin(πx)</source>
      <translation>line: f(x) = 2x; sine: f(x) = sin(πx)</translation>
    </message>
    <message>
      <source>margin: classification losses of m = y·f(x); residual: regression losses of r = y − f(x)</source>
      <translation>margin: classification losses of m = y·f(x); residual: regression losses of r = y − f(x)</translation>
    </message>
    <message>
      <source>mixes the one-hot target with the uniform distribution: (1 − ε)·onehot + ε/C</source>
      <translation>mixes the one-hot target with the uniform distribution: (1 − ε)·onehot + ε/C</translation>
    </message>
    <message>
      <source>nats (log base e)</source>
      <translation>nats (log base e)</translation>
    </message>
    <message>
      <source>none: one loss per row; mean: weighted average; sum: total</source>
      <translation>none: one loss per row; mean: weighted average; sum: total</translation>
    </message>
    <message>
      <source>none: the unreduced losses; mean: the average (Keras: sum_over_batch_size); sum: the total</source>
      <translation>none: the unreduced losses; mean: the average (Keras: sum_over_batch_size); sum: the total</translation>
    </message>
    <message>
      <source>number of classes of the target and both predictions (follows their length)</source>
      <translation>number of classes of the target and both predictions (follows their length)</translation>
    </message>
    <message>
      <source>number of full-batch gradient-descent updates</source>
      <translation>number of full-batch gradient-descent updates</translation>
    </message>
    <message>
      <source>number of gradient-descent updates (one per epoch)</source>
      <translation>number of gradient-descent updates (one per epoch)</translation>
    </message>
    <message>
      <source>number of points in the training sample</source>
      <translation>number of points in the training sample</translation>
    </message>
    <message>
      <source>number of sigmoid units in the hidden layer</source>
      <translation>number of sigmoid units in the hidden layer</translation>
    </message>
    <message>
      <source>on: the table holds logits; off: it holds probabilities</source>
      <translation>on: the table holds logits; off: it holds probabilities</translation>
    </message>
    <message>
      <source>one of {choices}</source>
      <translation>one of {choices}</translation>
    </message>
    <message>
      <source>one weight per class (empty: no weights), as CrossEntropyLoss(weight=...)</source>
      <translation>one weight per class (empty: no weights), as CrossEntropyLoss(weight=...)</translation>
    </message>
    <message>
      <source>overlay the derivative (subgradient at kinks) of each visible loss</source>
      <translation>overlay the derivative (subgradient at kinks) of each visible loss</translation>
    </message>
    <message>
      <source>probability that archer A hits the target</source>
      <translation>probability that archer A hits the target</translation>
    </message>
    <message>
      <source>probability that archer B hits the target</source>
      <translation>probability that archer B hits the target</translation>
    </message>
    <message>
      <source>random seed of the uniform [0, 1) initial weights</source>
      <translation>random seed of the uniform [0, 1) initial weights</translation>
    </message>
    <message>
      <source>regression (residual)</source>
      <translation>regression (residual)</translation>
    </message>
    <message>
      <source>regression: lines y = w·x + b through (x, y) points; classification: decision lines w·x + b = 0 between points labelled ±1</source>
      <translation>regression: lines y = w·x + b through (x, y) points; classification: decision lines w·x + b = 0 between points labelled ±1</translation>
    </message>
    <message>
      <source>regulariser added to the empirical risk: none, λΣ|a_k| (l1) or λΣa_k² (l2), over every coefficient but the constant</source>
      <translation>regulariser added to the empirical risk: none, λΣ|a_k| (l1) or λΣa_k² (l2), over every coefficient but the constant</translation>
    </message>
    <message>
      <source>right end of the plotted range</source>
      <translation>right end of the plotted range</translation>
    </message>
    <message>
      <source>rows whose target equals this value do not count (PyTorch's ignore_index)</source>
      <translation>rows whose target equals this value do not count (PyTorch's ignore_index)</translation>
    </message>
    <message>
      <source>slope of the line f(x) = w·x + b (with bernoulli: of the logit)</source>
      <translation>slope of the line f(x) = w·x + b (with bernoulli: of the logit)</translation>
    </message>
    <message>
      <source>sse: sum of squared errors; cross_entropy: binary cross-entropy (nats)</source>
      <translation>sse: sum of squared errors; cross_entropy: binary cross-entropy (nats)</translation>
    </message>
    <message>
      <source>standard deviation of the noise added to f(x)</source>
      <translation>standard deviation of the noise added to f(x)</translation>
    </message>
    <message>
      <source>step size of gradient descent: each update subtracts η times the gradient</source>
      <translation>step size of gradient descent: each update subtracts η times the gradient</translation>
    </message>
    <message>
      <source>structural risk λ·P(w): none, l1 = λ‖w‖₁, l2 = λ‖w‖₂² (b is not penalised)</source>
      <translation>structural risk λ·P(w): none, l1 = λ‖w‖₁, l2 = λ‖w‖₂² (b is not penalised)</translation>
    </message>
    <message>
      <source>the batch: one row per example, one column per class (probabilities when from_logits is off)</source>
      <translation>the batch: one row per example, one column per class (probabilities when from_logits is off)</translation>
    </message>
    <message>
      <source>the bias b before training</source>
      <translation>the bias b before training</translation>
    </message>
    <message>
      <source>the data: rows 'x,y' (regression) or 'x1,x2,label' with label ±1 (classification), separated by ';'</source>
      <translation>the data: rows 'x,y' (regression) or 'x1,x2,label' with label ±1 (classification), separated by ';'</translation>
    </message>
    <message>
      <source>the dataset, one row x,y per point (with bernoulli: x,label with label 0 or 1)</source>
      <translation>the dataset, one row x,y per point (with bernoulli: x,label with label 0 or 1)</translation>
    </message>
    <message>
      <source>the first predicted distribution (normalised to sum to 1)</source>
      <translation>the first predicted distribution (normalised to sum to 1)</translation>
    </message>
    <message>
      <source>the label a point added by clicking gets (classification)</source>
      <translation>the label a point added by clicking gets (classification)</translation>
    </message>
    <message>
      <source>the loss whose average is the risk: squared r², absolute |r| or Huber</source>
      <translation>the loss whose average is the risk: squared r², absolute |r| or Huber</translation>
    </message>
    <message>
      <source>the loss whose formula and explanation are shown</source>
      <translation>the loss whose formula and explanation are shown</translation>
    </message>
    <message>
      <source>the model's outputs: one row per sample, one column per output</source>
      <translation>the model's outputs: one row per sample, one column per output</translation>
    </message>
    <message>
      <source>the output the neuron should learn to give for x</source>
      <translation>the output the neuron should learn to give for x</translation>
    </message>
    <message>
      <source>the second predicted distribution (normalised to sum to 1)</source>
      <translation>the second predicted distribution (normalised to sum to 1)</translation>
    </message>
    <message>
      <source>the single training input</source>
      <translation>the single training input</translation>
    </message>
    <message>
      <source>the target class index of each row (or ignore_index to leave the row out)</source>
      <translation>the target class index of each row (or ignore_index to leave the row out)</translation>
    </message>
    <message>
      <source>the true distribution over the classes (normalised to sum to 1)</source>
      <translation>the true distribution over the classes (normalised to sum to 1)</translation>
    </message>
    <message>
      <source>the true values, the same shape as predictions</source>
      <translation>the true values, the same shape as predictions</translation>
    </message>
    <message>
      <source>the weight w before training</source>
      <translation>the weight w before training</translation>
    </message>
    <message>
      <source>train both costs with the same learning rate (the fair comparison)</source>
      <translation>train both costs with the same learning rate (the fair comparison)</translation>
    </message>
    <message>
      <source>true or false</source>
      <translation>true or false</translation>
    </message>
    <message>
      <source>weight of the penalty</source>
      <translation>weight of the penalty</translation>
    </message>
    <message>
      <source>weight λ ≥ 0 of the penalty</source>
      <translation>weight λ ≥ 0 of the penalty</translation>
    </message>
    <message>
      <source>where Huber switches from ½r² to the straight line δ(|r| − ½δ)</source>
      <translation>where Huber switches from ½r² to the straight line δ(|r| − ½δ)</translation>
    </message>
    <message>
      <source>where the Huber loss turns from quadratic to linear</source>
      <translation>where the Huber loss turns from quadratic to linear</translation>
    </message>
    <message>
      <source>where the read-out line samples every visible loss</source>
      <translation>where the read-out line samples every visible loss</translation>
    </message>
    <message>
      <source>which frame (epoch) of the run is shown</source>
      <translation>which frame (epoch) of the run is shown</translation>
    </message>
    <message>
      <source>which losses are drawn (only those of the current mode are visible)</source>
      <translation>which losses are drawn (only those of the current mode are visible)</translation>
    </message>
    <message>
      <source>which losses are fitted (only those of the current task are used)</source>
      <translation>which losses are fitted (only those of the current task are used)</translation>
    </message>
    <message>
      <source>which quantile the pinball loss aims at</source>
      <translation>which quantile the pinball loss aims at</translation>
    </message>
    <message>
      <source>which random sample is drawn (Resample picks the next seed)</source>
      <translation>which random sample is drawn (Resample picks the next seed)</translation>
    </message>
    <message>
      <source>x from</source>
      <translation>x from</translation>
    </message>
    <message>
      <source>x to</source>
      <translation>x to</translation>
    </message>
    <message>
      <source>{count} comma-separated numbers, each {range}</source>
      <translation>{count} comma-separated numbers, each {range}</translation>
    </message>
    <message>
      <source>{count} comma-separated whole numbers, each {range}</source>
      <translation>{count} comma-separated whole numbers, each {range}</translation>
    </message>
    <message>
      <source>{count} rows separated by ';' of {low} to {high} comma-separated numbers each, all rows the same length</source>
      <translation>{count} rows separated by ';' of {low} to {high} comma-separated numbers each, all rows the same length</translation>
    </message>
    <message>
      <source>{low} to {high}</source>
      <translation>{low} to {high}</translation>
    </message>
    <message>
      <source>{text} is out of range; allowed: {allowed}</source>
      <translation>{text} is out of range; allowed: {allowed}</translation>
    </message>
    <message>
      <source>λ</source>
      <translation>λ</translation>
    </message>
    <message>
      <source>σ of the Gaussian noise or s of the Laplace noise (unused by bernoulli)</source>
      <translation>σ of the Gaussian noise or s of the Laplace noise (unused by bernoulli)</translation>
    </message>
    <message>
      <source>“{text}” is not a number; allowed: {allowed}</source>
      <translation>“{text}” is not a number; allowed: {allowed}</translation>
    </message>
  </context>
  <context>
    <name>playback</name>
    <message>
      <source>Back to the start (Home)</source>
      <translation>Back to the start (Home)</translation>
    </message>
    <message>
      <source>Drag to show any frame of the run</source>
      <translation>Drag to show any frame of the run</translation>
    </message>
    <message>
      <source>One frame back (Left arrow)</source>
      <translation>One frame back (Left arrow)</translation>
    </message>
    <message>
      <source>One frame forward (Right arrow)</source>
      <translation>One frame forward (Right arrow)</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Pause</translation>
    </message>
    <message>
      <source>Play</source>
      <translation>Play</translation>
    </message>
    <message>
      <source>Play / pause (Space)</source>
      <translation>Play / pause (Space)</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Reset</translation>
    </message>
    <message>
      <source>Speed</source>
      <translation>Speed</translation>
    </message>
    <message>
      <source>Step back</source>
      <translation>Step back</translation>
    </message>
    <message>
      <source>Step forward</source>
      <translation>Step forward</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Timeline</translation>
    </message>
    <message>
      <source>frame</source>
      <translation>frame</translation>
    </message>
    <message>
      <source>iteration</source>
      <translation>iteration</translation>
    </message>
    <message>
      <source>{unit} {frame} / {last}</source>
      <translation>{unit} {frame} / {last}</translation>
    </message>
  </context>
  <context>
    <name>regression</name>
    <message>
      <source>1. element losses: {0}</source>
      <translation>1. element losses: {0}</translation>
    </message>
    <message>
      <source>2. mean over the {0} outputs of each sample: {1}</source>
      <translation>2. mean over the {0} outputs of each sample: {1}</translation>
    </message>
    <message>
      <source>2. reduction=none: the element losses above</source>
      <translation>2. reduction=none: the element losses above</translation>
    </message>
    <message>
      <source>2. sum of all elements / {0} = {1}</source>
      <translation>2. sum of all elements / {0} = {1}</translation>
    </message>
    <message>
      <source>2. sum of all {0} elements = {1}</source>
      <translation>2. sum of all {0} elements = {1}</translation>
    </message>
    <message>
      <source>3. reduction=None: the per-sample losses above</source>
      <translation>3. reduction=None: the per-sample losses above</translation>
    </message>
    <message>
      <source>3. sum over the samples / {0} = {1}</source>
      <translation>3. sum over the samples / {0} = {1}</translation>
    </message>
    <message>
      <source>3. sum over the {0} samples = {1}</source>
      <translation>3. sum over the {0} samples = {1}</translation>
    </message>
    <message>
      <source>&lt;h3&gt;From residuals to one number&lt;/h3&gt;&lt;p&gt;Each element's residual r = prediction − target becomes an element loss: r² (MSE), |r| (L1, MAE), Huber ½r² near zero and straight beyond δ, Smooth L1 (Huber divided by β) or ln cosh r (close to ½r² near zero, to |r| − ln 2 far away). Then the frameworks reduce: PyTorch over all elements at once, Keras first over the outputs of each sample (the mean over the last axis), then over the samples.&lt;/p&gt;&lt;p&gt;Drag a prediction bar, or type into the table, and watch every number follow. The lower chart shows how much of the batch loss each sample carries: squaring lets one far-off sample dominate.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;From residuals to one number&lt;/h3&gt;&lt;p&gt;Each element's residual r = prediction − target becomes an element loss: r² (MSE), |r| (L1, MAE), Huber ½r² near zero and straight beyond δ, Smooth L1 (Huber divided by β) or ln cosh r (close to ½r² near zero, to |r| − ln 2 far away). Then the frameworks reduce: PyTorch over all elements at once, Keras first over the outputs of each sample (the mean over the last axis), then over the samples.&lt;/p&gt;&lt;p&gt;Drag a prediction bar, or type into the table, and watch every number follow. The lower chart shows how much of the batch loss each sample carries: squaring lets one far-off sample dominate.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Add output</source>
      <translation>Add output</translation>
    </message>
    <message>
      <source>Batch: predictions and targets</source>
      <translation>Batch: predictions and targets</translation>
    </message>
    <message>
      <source>Each sample's share of the batch loss</source>
      <translation>Each sample's share of the batch loss</translation>
    </message>
    <message>
      <source>Elements</source>
      <translation>Elements</translation>
    </message>
    <message>
      <source>Every prediction equals its target: every loss is 0.</source>
      <translation>Every prediction equals its target: every loss is 0.</translation>
    </message>
    <message>
      <source>Huber</source>
      <translation>Huber</translation>
    </message>
    <message>
      <source>Huber's quadratic zone is ½r², not r²: inside |r| ≤ δ it is exactly half the squared error, so it never lies on the r² curve. The ½ makes its slope r meet the slope ±δ of the linear part at |r| = δ, so the loss has no kink there.</source>
      <translation>Huber's quadratic zone is ½r², not r²: inside |r| ≤ δ it is exactly half the squared error, so it never lies on the r² curve. The ½ makes its slope r meet the slope ±δ of the linear part at |r| = δ, so the loss has no kink there.</translation>
    </message>
    <message>
      <source>L1Loss and MeanAbsoluteError use the same |r|: they differ only in the reduction.</source>
      <translation>L1Loss and MeanAbsoluteError use the same |r|: they differ only in the reduction.</translation>
    </message>
    <message>
      <source>LogCosh exists only in Keras; PyTorch has no built-in, so the PyTorch code writes it by hand as |r| + log1p(e^(−2|r|)) − ln 2 (torch.log(torch.cosh(r)) overflows once |r| passes about 710 in float64, 89 in float32).</source>
      <translation>LogCosh exists only in Keras; PyTorch has no built-in, so the PyTorch code writes it by hand as |r| + log1p(e^(−2|r|)) − ln 2 (torch.log(torch.cosh(r)) overflows once |r| passes about 710 in float64, 89 in float32).</translation>
    </message>
    <message>
      <source>Predictions (bars) and targets (rings)</source>
      <translation>Predictions (bars) and targets (rings)</translation>
    </message>
    <message>
      <source>Regression:  sample {sample},  share {share:.3g} %</source>
      <translation>Regression:  sample {sample},  share {share:.3g} %</translation>
    </message>
    <message>
      <source>Regression:  sample {sample},  value {value:.4g}</source>
      <translation>Regression:  sample {sample},  value {value:.4g}</translation>
    </message>
    <message>
      <source>Remove output</source>
      <translation>Remove output</translation>
    </message>
    <message>
      <source>Residuals r = p − t, one row per sample:</source>
      <translation>Residuals r = p − t, one row per sample:</translation>
    </message>
    <message>
      <source>Sample {sample} carries {sq:.0%} of the squared loss but {ab:.0%} of the absolute loss: squaring lets one large residual dominate the batch.</source>
      <translation>Sample {sample} carries {sq:.0%} of the squared loss but {ab:.0%} of the absolute loss: squaring lets one large residual dominate the batch.</translation>
    </message>
    <message>
      <source>Smooth L1</source>
      <translation>Smooth L1</translation>
    </message>
    <message>
      <source>SmoothL1Loss with beta = 0 is plain L1Loss (PyTorch switches to it), so here it equals L1Loss.</source>
      <translation>SmoothL1Loss with beta = 0 is plain L1Loss (PyTorch switches to it), so here it equals L1Loss.</translation>
    </message>
    <message>
      <source>SmoothL1Loss(beta={beta:g}) = HuberLoss(delta={beta:g}) / {beta:g}: the same shape, rescaled so that its straight part has slope 1 like L1. It equals HuberLoss only at beta = delta = 1.</source>
      <translation>SmoothL1Loss(beta={beta:g}) = HuberLoss(delta={beta:g}) / {beta:g}: the same shape, rescaled so that its straight part has slope 1 like L1. It equals HuberLoss only at beta = delta = 1.</translation>
    </message>
    <message>
      <source>Step by step</source>
      <translation>Step by step</translation>
    </message>
    <message>
      <source>Where the frameworks differ, and why</source>
      <translation>Where the frameworks differ, and why</translation>
    </message>
    <message>
      <source>ln cosh r</source>
      <translation>ln cosh r</translation>
    </message>
    <message>
      <source>mean of each row: {0}</source>
      <translation>mean of each row: {0}</translation>
    </message>
    <message>
      <source>output</source>
      <translation>output</translation>
    </message>
    <message>
      <source>per sample</source>
      <translation>per sample</translation>
    </message>
    <message>
      <source>prediction (drag me)</source>
      <translation>prediction (drag me)</translation>
    </message>
    <message>
      <source>reduction=mean: PyTorch divides the sum of all elements by N·C = {elements}; Keras averages each sample's outputs and then divides by N = {n}. With equally long rows both are the mean of all elements, so the numbers agree (MSE: {torch_mean:g}).</source>
      <translation>reduction=mean: PyTorch divides the sum of all elements by N·C = {elements}; Keras averages each sample's outputs and then divides by N = {n}. With equally long rows both are the mean of all elements, so the numbers agree (MSE: {torch_mean:g}).</translation>
    </message>
    <message>
      <source>reduction=none: PyTorch returns one loss per element ({n}×{c}, shaped like the input); Keras one per sample ({n} values, each the mean of the sample's outputs).</source>
      <translation>reduction=none: PyTorch returns one loss per element ({n}×{c}, shaped like the input); Keras one per sample ({n} values, each the mean of the sample's outputs).</translation>
    </message>
    <message>
      <source>reduction=sum with one output per sample: averaging over the last axis changes nothing, so PyTorch and Keras add the same numbers.</source>
      <translation>reduction=sum with one output per sample: averaging over the last axis changes nothing, so PyTorch and Keras add the same numbers.</translation>
    </message>
    <message>
      <source>reduction=sum: PyTorch adds all {elements} element losses; Keras first averages the {c} outputs of each sample and then adds the {n} samples, so PyTorch's sum is {c} times Keras' (MSE: {torch_sum:g} vs {keras_sum:g}).</source>
      <translation>reduction=sum: PyTorch adds all {elements} element losses; Keras first averages the {c} outputs of each sample and then adds the {n} samples, so PyTorch's sum is {c} times Keras' (MSE: {torch_sum:g} vs {keras_sum:g}).</translation>
    </message>
    <message>
      <source>residual r = p − t</source>
      <translation>residual r = p − t</translation>
    </message>
    <message>
      <source>result</source>
      <translation>result</translation>
    </message>
    <message>
      <source>r² (MSE)</source>
      <translation>r² (MSE)</translation>
    </message>
    <message>
      <source>share (%)</source>
      <translation>share (%)</translation>
    </message>
    <message>
      <source>value</source>
      <translation>value</translation>
    </message>
    <message>
      <source>|r| (L1, MAE)</source>
      <translation>|r| (L1, MAE)</translation>
    </message>
    <message>
      <source>— (no per-sample step)</source>
      <translation>— (no per-sample step)</translation>
    </message>
  </context>
  <context>
    <name>risk</name>
    <message>
      <source>A common shorthand says "expected risk = empirical risk + structural risk". That is not an identity. Structural risk minimisation minimises empirical risk + a penalty as a stand-in for the expected risk, which cannot be computed when the distribution is unknown. The shorthand is tempting because the penalty does play the role of the missing gap between the two risks.</source>
      <translation>A common shorthand says "expected risk = empirical risk + structural risk". That is not an identity. Structural risk minimisation minimises empirical risk + a penalty as a stand-in for the expected risk, which cannot be computed when the distribution is unknown. The shorthand is tempting because the penalty does play the role of the missing gap between the two risks.</translation>
    </message>
    <message>
      <source>Draw a new sample (the next seed)</source>
      <translation>Draw a new sample (the next seed)</translation>
    </message>
    <message>
      <source>Empirical risk of this fixed model</source>
      <translation>Empirical risk of this fixed model</translation>
    </message>
    <message>
      <source>Expected risk and empirical risk</source>
      <translation>Expected risk and empirical risk</translation>
    </message>
    <message>
      <source>Gaussian</source>
      <translation>Gaussian</translation>
    </message>
    <message>
      <source>Huber</source>
      <translation>Huber</translation>
    </message>
    <message>
      <source>L1: λΣ|a_k|</source>
      <translation>L1: λΣ|a_k|</translation>
    </message>
    <message>
      <source>L2: λΣa_k²</source>
      <translation>L2: λΣa_k²</translation>
    </message>
    <message>
      <source>Laplace</source>
      <translation>Laplace</translation>
    </message>
    <message>
      <source>Law of large numbers: for a model fixed in advance, the empirical risk on n fresh points scatters around the expected risk with a spread that shrinks like 1/√n (bottom left). On the sample the model was fitted to, the training risk is biased low: the fit has already adapted to that sample's noise.</source>
      <translation>Law of large numbers: for a model fixed in advance, the empirical risk on n fresh points scatters around the expected risk with a spread that shrinks like 1/√n (bottom left). On the sample the model was fitted to, the training risk is biased low: the fit has already adapted to that sample's noise.</translation>
    </message>
    <message>
      <source>Overfitting: a higher degree always lowers the training risk, but past some degree the expected risk rises again (top right). A penalty λ·P(a) trades fit against simplicity.</source>
      <translation>Overfitting: a higher degree always lowers the training risk, but past some degree the expected risk rises again (top right). A penalty λ·P(a) trades fit against simplicity.</translation>
    </message>
    <message>
      <source>Resample</source>
      <translation>Resample</translation>
    </message>
    <message>
      <source>Risk against the degree</source>
      <translation>Risk against the degree</translation>
    </message>
    <message>
      <source>Risk against the slope a₁</source>
      <translation>Risk against the slope a₁</translation>
    </message>
    <message>
      <source>Risk against λ (L1 penalty)</source>
      <translation>Risk against λ (L1 penalty)</translation>
    </message>
    <message>
      <source>Risk against λ (L2 penalty)</source>
      <translation>Risk against λ (L2 penalty)</translation>
    </message>
    <message>
      <source>Risk against λ (no penalty chosen: what L2 would do)</source>
      <translation>Risk against λ (no penalty chosen: what L2 would do)</translation>
    </message>
    <message>
      <source>Sample, true f and model</source>
      <translation>Sample, true f and model</translation>
    </message>
    <message>
      <source>The expected risk of a model is its average loss over the whole data distribution: what it will cost on new data. Here the distribution is known, so it is computed exactly. The empirical (training) risk is the average loss over the sample you have.</source>
      <translation>The expected risk of a model is its average loss over the whole data distribution: what it will cost on new data. Here the distribution is known, so it is computed exactly. The empirical (training) risk is the average loss over the sample you have.</translation>
    </message>
    <message>
      <source>absolute |r|</source>
      <translation>absolute |r|</translation>
    </message>
    <message>
      <source>computing…</source>
      <translation>computing…</translation>
    </message>
    <message>
      <source>degree d</source>
      <translation>degree d</translation>
    </message>
    <message>
      <source>empirical risk, 5 samples of size n</source>
      <translation>empirical risk, 5 samples of size n</translation>
    </message>
    <message>
      <source>expected risk</source>
      <translation>expected risk</translation>
    </message>
    <message>
      <source>expected risk (mean loss on the distribution)</source>
      <translation>expected risk (mean loss on the distribution)</translation>
    </message>
    <message>
      <source>fitted polynomial of degree {d}</source>
      <translation>fitted polynomial of degree {d}</translation>
    </message>
    <message>
      <source>gap: expected − training</source>
      <translation>gap: expected − training</translation>
    </message>
    <message>
      <source>line f(x) = 2x</source>
      <translation>line f(x) = 2x</translation>
    </message>
    <message>
      <source>mean ± std over resamples</source>
      <translation>mean ± std over resamples</translation>
    </message>
    <message>
      <source>model m(x)</source>
      <translation>model m(x)</translation>
    </message>
    <message>
      <source>none</source>
      <translation>none</translation>
    </message>
    <message>
      <source>objective (training risk + λ·penalty)</source>
      <translation>objective (training risk + λ·penalty)</translation>
    </message>
    <message>
      <source>own model: expected risk</source>
      <translation>own model: expected risk</translation>
    </message>
    <message>
      <source>penalty weight λ (log scale)</source>
      <translation>penalty weight λ (log scale)</translation>
    </message>
    <message>
      <source>resample paths</source>
      <translation>resample paths</translation>
    </message>
    <message>
      <source>risk</source>
      <translation>risk</translation>
    </message>
    <message>
      <source>sample</source>
      <translation>sample</translation>
    </message>
    <message>
      <source>sample size n (log scale)</source>
      <translation>sample size n (log scale)</translation>
    </message>
    <message>
      <source>sine f(x) = sin(πx)</source>
      <translation>sine f(x) = sin(πx)</translation>
    </message>
    <message>
      <source>slope a₁ (other coefficients fixed)</source>
      <translation>slope a₁ (other coefficients fixed)</translation>
    </message>
    <message>
      <source>squared r²</source>
      <translation>squared r²</translation>
    </message>
    <message>
      <source>training risk</source>
      <translation>training risk</translation>
    </message>
    <message>
      <source>training risk (mean loss on the sample)</source>
      <translation>training risk (mean loss on the sample)</translation>
    </message>
    <message>
      <source>true f(x)</source>
      <translation>true f(x)</translation>
    </message>
    <message>
      <source>your own polynomial</source>
      <translation>your own polynomial</translation>
    </message>
    <message>
      <source>λ = 0: expected risk</source>
      <translation>λ = 0: expected risk</translation>
    </message>
    <message>
      <source>λ = 0: training risk</source>
      <translation>λ = 0: training risk</translation>
    </message>
  </context>
</TS>
