<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>crash</name>
    <message>
      <source>LossLab hit an unexpected error and carried on. Details were written to:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Something went wrong</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>losses</name>
    <message>
      <source>0-1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A smooth cousin of Huber: about ½r² near zero and about |r| − ln 2 far away, with a derivative (tanh r) that is smooth everywhere.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A squared hinge near the boundary that turns into a straight line for badly wrong points (m &lt; −1). The line has the same slope where the pieces meet, so the loss is smooth and, like Huber in regression, not dominated by outliers.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Counts mistakes and nothing else: it is the error rate we actually care about. But it is flat everywhere except for a jump at m = 0, so its gradient tells an optimiser nothing, and minimising it directly is a hard combinatorial problem. Every other margin loss here is a stand-in (a surrogate) for it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every unit of error costs the same, so outliers pull no harder than other points: robust. Its minimiser is the median rather than the mean. It has a corner at r = 0 where the derivative jumps from −1 to +1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Huber (δ)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(m) = 1 if m ≤ 0, else 0</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(m) = e^(−m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(m) = log(1 + e^(−m))   (base e, or base 2)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(m) = max(0, 1 − m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(m) = max(0, 1 − m)²</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(m) = max(0, 1 − m)² if m ≥ −1, else −4m</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(m) = max(0, −m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(r) = ln cosh r</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(r) = max(0, |r| − ε)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(r) = max(τr, (τ − 1)r)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(r) = r²</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(r) = |r|</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>L(r) = ½r² if |r| ≤ δ, else δ(|r| − ½δ)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Quadratic for small errors and linear for large ones, joined at |r| = δ with the same slope. So it is differentiable everywhere like the squared loss and robust to outliers like the absolute loss. Drag δ: a large δ makes it squared-like, a small δ absolute-like.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Squaring the hinge removes its corner: the loss and its slope are continuous, which suits gradient methods. It punishes badly misclassified points much harder than the plain hinge does.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The hinge moved to pass through the origin: a correctly classified point costs nothing however small its margin. That is why the perceptron stops at the first separating line it finds instead of looking for a wide margin.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The log loss of logistic regression: binary cross-entropy of a sigmoid output, written in terms of the margin, and the negative log-likelihood of a Bernoulli model. It is smooth and convex. Divided by ln 2 (base 2) it passes through (0, 1) and bounds the 0-1 loss from above. It never reaches zero, so every point, even a well classified one, keeps a little pull; points far on the wrong side grow linearly, which makes it more sensitive to outliers than the hinge.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The loss AdaBoost minimises, one weak learner at a time (forward stagewise additive modelling). It grows exponentially on the wrong side, so a single mislabelled point can dominate the fit.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The loss of support vector regression: errors inside a tube of half-width ε are free, and outside it the cost grows linearly. Drag ε to widen or narrow the tube.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The loss of the support vector machine. It is convex and lies on or above the 0-1 loss everywhere, the tightest such convex bound. Once a point is classified with margin at least 1 it costs nothing, so only the points near or across the boundary (the support vectors) shape the solution. It has a corner at m = 1 where the derivative jumps; optimisers use a subgradient there.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mean of r² is the mean squared error. Minimising it is maximum likelihood when the noise is Gaussian. Because the penalty grows with the square, large errors dominate the sum: a few outliers can pull the fit a long way.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The pinball loss. Under-predictions (r &gt; 0) cost τ per unit and over-predictions 1 − τ, so the minimiser is the τ-quantile of the data instead of the mean; τ = 0.5 gives the median.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>absolute (L1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>exponential (AdaBoost)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>hinge (SVM)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>log-cosh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>logistic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>modified Huber</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>perceptron</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>quantile (τ)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>squared (L2)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>squared hinge</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ε-insensitive (SVR)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>menu</name>
    <message>
      <source>&amp;About LossLab</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Copy figure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Open session…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Reset layout</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Save session…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;View</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>About LossLab</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Could not open the session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Could not save the session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export &amp;data as CSV…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export data as &amp;JSON…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export figure as &amp;PNG…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export figure as &amp;SVG…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Figure copied to the clipboard</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Image width in pixels:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Learn loss functions by playing with them.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LossLab session (*.json)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LossLab session (*.json);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PNG width</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save &amp;window screenshot…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save window screenshot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved </source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Screenshot failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session loaded from </source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session opened with problems</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session saved to </source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Some saved settings were ignored: </source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>neuron</name>
    <message>
      <source>Custom</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Preset</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Why: the slope σ′(z) at each run's z</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>epoch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>stopped at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>stopped at epoch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>η is far too large</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>panels</name>
    <message>
      <source>&lt;b&gt;Archer {0} never {1}&lt;/b&gt; (p = {2:g}): {3} would carry −log 0 = ∞ information, so it is shown as ∞ in the table and not plotted. His result is certain, so his entropy is 0.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;b&gt;{0} gives probability 0 to class {1}&lt;/b&gt;, which the target says can happen. Its term −pᵢ log 0 is infinite, so H(p, {0}) = ∞: a model that is certain an outcome is impossible pays an unbounded price when it happens. This is why frameworks clip probabilities away from 0 (Keras uses ε = 1e-7).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;h3&gt;Binary cross-entropy&lt;/h3&gt;&lt;p&gt;Each cell is its own yes/no question: a sigmoid σ(x) = 1 / (1 + e^(−x)) turns the logit into a probability p, and the loss of the cell is −[y log p + (1 − y) log(1 − p)]. Keras averages the cells of a row, then the rows; PyTorch averages all cells at once (the same number for 'mean').&lt;/p&gt;&lt;p&gt;From logits, both frameworks use the rearranged form max(x, 0) − x·y + log(1 + e^(−|x|)), exact for any x. From probabilities, Keras and the hand-written version clip p to [1e-7, 1 − 1e-7] first, and PyTorch's BCELoss stops each log at −100.&lt;/p&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;h3&gt;From logits to one number&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Softmax&lt;/b&gt; turns a row of logits z into probabilities p = e^z / Σ e^z. Subtracting the row maximum first changes nothing in the result but keeps e^z from overflowing (turn it off and type 1000 to see why). &lt;b&gt;Log&lt;/b&gt; maps the probabilities to (−∞, 0]; written as (z − max) − log Σ e^(z − max) it stays finite even where p rounds to 0. &lt;b&gt;NLL&lt;/b&gt; picks the log-probability of the target class and negates it.&lt;/p&gt;&lt;p&gt;PyTorch's CrossEntropyLoss is exactly LogSoftmax followed by NLLLoss. With class weights, each row's loss is multiplied by the weight of its target, and the mean divides by the sum of those weights, not by the number of rows. Keras' CategoricalCrossentropy wants one-hot targets, SparseCategoricalCrossentropy class indices; for the same batch both give the same number, and without weights it is PyTorch's number too.&lt;/p&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;h3&gt;Information&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;self-information&lt;/b&gt; of an outcome, I = −log p, measures how surprised you should be to see it. A sure thing (p = 1) tells you nothing; the rarer the outcome, the more it tells you. With the logarithm to base {0} it is counted in &lt;b&gt;{1}&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Archer A hits one time in ten, so a hit is news (3.32 bits) and a miss is not (0.15 bits). Archer B hits 999 times in 1000: a hit says almost nothing, a miss is a real surprise (9.97 bits).&lt;/p&gt;&lt;h3&gt;Entropy&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;entropy&lt;/b&gt; H = −Σ p log p is the surprise you expect on average before the arrow flies, that is, how uncertain the result is (0·log 0 counts as 0). A's result is hard to call, so his entropy is high (0.469 bits); B's is almost certain, so his is close to zero (0.0114 bits). A yes/no trial is most uncertain at p = ½, one bit. Drag an archer along the curve to see every number change.&lt;/p&gt;&lt;h3&gt;Cross-entropy&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;cross-entropy&lt;/b&gt; H(p, q) = −Σ pᵢ log qᵢ is the average surprise when the outcomes follow the target p but are scored by a prediction q. It is never below H(p), and the excess is the Kullback–Leibler divergence: H(p, q) = H(p) + KL(p‖q). With a one-hot target p = [1, 0, 0] only the true class counts, so the cross-entropy is −log of the probability the prediction gave it: q1 = [0.5, 0.2, 0.3] scores 0.693 nats (1 bit), q2 = [0.8, 0.1, 0.1] only 0.223 nats. The prediction that puts more weight where the target is has the smaller cross-entropy, which is why it works as a classification loss.&lt;/p&gt;&lt;p&gt;Editing one probability (spin box or bar) keeps that value and rescales the other classes to share the rest in their old proportions, so each distribution always sums to 1.&lt;/p&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add class</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Archery, in {0}:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Batch: logits and targets</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Binary entropy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Binary entropy H(p)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Both predictions are equally far from the target.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copied {0} code to the clipboard.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copy Keras code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copy PyTorch code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copy figure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cross-entropy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cross-entropy, step by step</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cross-entropy: target and predictions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every framework prints the same loss for this batch.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every ŷ within {tol} of y:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Frameworks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Information</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loss Curves</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loss against iteration</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loss curves</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Neuron Training</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pipeline, row by row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Predictions and targets</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Predictions and targets at iteration {k}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Probabilities per row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Probability of this class in {0}. The other classes are rescaled to share the rest in their old proportions, so the distribution still sums to 1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reduction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove class</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reset parameters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Self-information</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Self-information −log p</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Term by term, in {0}:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Two-layer network</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>W1 (inputs × hidden)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>W2 (hidden × output)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Why the numbers differ here</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>a hit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>a miss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>after {n} updates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>archer {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>archer {0}: hit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>archer {0}: miss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>class</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>class {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>computed by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>figure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>hits</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>loss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>mean over the row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>misses</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not in {n} updates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>number of rows that count</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>output</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>prediction ŷ</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>reduction = mean: {0} / {1} ({2}) = {3}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>reduction = none: one loss per row, as listed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>reduction = sum: Σ row losses = {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>row loss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>target y</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>this row does not count.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>weight</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{0} has the smaller cross-entropy: it is closer to the target. Both share the same H(p), so the whole difference is the divergence KL(p‖q).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Σ of the targets' weights</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{0}” is not a number; the cell was not changed.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>params</name>
    <message>
      <source>Allowed: </source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Archer A hits</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Archer B hits</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Binary targets</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Class weights</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Classes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cross-entropy η</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Epochs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Explain</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Frame</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>From logits</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hidden units</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Huber δ</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ignore index</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Input x</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Iterations</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Label smoothing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Learning rate η</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Logistic base</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Logits</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Losses</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mode</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Prediction q1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Prediction q2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Probe at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Quantile τ</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reduction</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SVR ε</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Same η for both costs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Seed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show derivatives</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Speed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Start bias b₀</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Start weight w₀</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Subtract row max</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target p</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target y</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Targets</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>base of the logarithm in the logistic loss; base 2 bounds the 0-1 loss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>base of the logarithm: 2 (bits), e (nats) or 10 (hartleys)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>binary (sigmoid per cell)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>binary mode: a label in [0, 1] for every cell of the table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>bits (log base 2)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>categorical (softmax)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>categorical: one softmax over the classes of each row; binary: an independent sigmoid per cell</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>classification (margin)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>compute softmax as e^(z − max) / Σ e^(z − max), which cannot overflow; turn off to see e^z overflow for large logits</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gradient-descent step size of the quadratic run (and of both runs while same_eta is on)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>half-width of the ε-insensitive tube</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>hartleys (log base 10)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>how many frames (epochs) play per second</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>learning rate of the cross-entropy run; equals eta while same_eta is on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>left end of the plotted range</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>margin: classification losses of m = y·f(x); residual: regression losses of r = y − f(x)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>mixes the one-hot target with the uniform distribution: (1 − ε)·onehot + ε/C</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>nats (log base e)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>none: one loss per row; mean: weighted average; sum: total</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>number of classes of the target and both predictions (follows their length)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>number of full-batch gradient-descent updates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>number of gradient-descent updates (one per epoch)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>number of sigmoid units in the hidden layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>on: the table holds logits; off: it holds probabilities</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>one weight per class (empty: no weights), as CrossEntropyLoss(weight=...)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>overlay the derivative (subgradient at kinks) of each visible loss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>probability that archer A hits the target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>probability that archer B hits the target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>random seed of the uniform [0, 1) initial weights</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>regression (residual)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>right end of the plotted range</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>rows whose target equals this value do not count (PyTorch's ignore_index)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>sse: sum of squared errors; cross_entropy: binary cross-entropy (nats)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>step size of gradient descent: each update subtracts η times the gradient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the batch: one row per example, one column per class (probabilities when from_logits is off)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the bias b before training</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the first predicted distribution (normalised to sum to 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the loss whose formula and explanation are shown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the output the neuron should learn to give for x</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the second predicted distribution (normalised to sum to 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the single training input</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the target class index of each row (or ignore_index to leave the row out)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the true distribution over the classes (normalised to sum to 1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the weight w before training</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>train both costs with the same learning rate (the fair comparison)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>where the Huber loss turns from quadratic to linear</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>where the read-out line samples every visible loss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>which frame (epoch) of the run is shown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>which losses are drawn (only those of the current mode are visible)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>which quantile the pinball loss aims at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>x from</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>x to</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>playback</name>
    <message>
      <source>Back to the start (Home)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drag to show any frame of the run</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>One frame back (Left arrow)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>One frame forward (Right arrow)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pause</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Play</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Play / pause (Space)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reset</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Speed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Step back</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Step forward</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Timeline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>iteration</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
