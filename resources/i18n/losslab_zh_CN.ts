<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>crash</name>
    <message>
      <source>LossLab hit an unexpected error and carried on. Details were written to:</source>
      <translation>LossLab 遇到了一个意外错误，但仍在继续运行。详细信息已写入：</translation>
    </message>
    <message>
      <source>Something went wrong</source>
      <translation>出现了问题</translation>
    </message>
  </context>
  <context>
    <name>cross_entropy</name>
    <message>
      <source>A probability of 0 where the loss needs its logarithm: −log 0 = ∞. Keras clips probabilities to [1e-7, 1 − 1e-7], so its value stays finite.</source>
      <translation>在损失需要取对数的地方出现了概率 0：−log 0 = ∞。Keras 会把概率截断到 [1e-7, 1 − 1e-7]，所以它的值仍然有限。</translation>
    </message>
    <message>
      <source>A softmax output passed to Keras with from_logits=False is clipped to [1e-7, 1 − 1e-7], so confident predictions lose precision; from_logits=True uses the exact log-softmax.</source>
      <translation>以 from_logits=False 传给 Keras 的 softmax 输出会被截断到 [1e-7, 1 − 1e-7]，因此非常自信的预测会损失精度；from_logits=True 则使用精确的 log-softmax。</translation>
    </message>
    <message>
      <source>Class weights with reduction=mean: PyTorch divides the weighted sum by the sum of the targets' weights ({denominator:g}); Keras takes the weights as sample_weight and divides by the number of rows ({kept}), so its mean differs unless those are equal.</source>
      <translation>类别权重与 reduction=mean 同时使用时：PyTorch 用各目标类别权重之和（{denominator:g}）去除加权和；Keras 把权重当作 sample_weight，并除以行数（{kept}），所以除非两者相等，否则它的平均值不同。</translation>
    </message>
    <message>
      <source>Cross-entropy:  row {row},  p = {p:.3g}</source>
      <translation>交叉熵：  第 {row} 行，  p = {p:.3g}</translation>
    </message>
    <message>
      <source>Every row is ignored: PyTorch's mean is 0/0 = NaN, Keras' divide_no_nan gives 0.</source>
      <translation>每一行都被忽略了：PyTorch 的平均值是 0/0 = NaN，Keras 的 divide_no_nan 给出 0。</translation>
    </message>
    <message>
      <source>Keras BinaryCrossentropy(from_logits=False)</source>
      <translation>Keras BinaryCrossentropy(from_logits=False)</translation>
    </message>
    <message>
      <source>Keras BinaryCrossentropy(from_logits=False) on sigmoid output</source>
      <translation>Keras BinaryCrossentropy(from_logits=False)，作用于 sigmoid 输出</translation>
    </message>
    <message>
      <source>Keras BinaryCrossentropy(from_logits=True)</source>
      <translation>Keras BinaryCrossentropy(from_logits=True)</translation>
    </message>
    <message>
      <source>Keras CategoricalCrossentropy (one-hot)</source>
      <translation>Keras CategoricalCrossentropy（独热目标）</translation>
    </message>
    <message>
      <source>Keras CategoricalCrossentropy on softmax output (from_logits=False)</source>
      <translation>Keras CategoricalCrossentropy，作用于 softmax 输出（from_logits=False）</translation>
    </message>
    <message>
      <source>Keras SparseCategoricalCrossentropy (indices)</source>
      <translation>Keras SparseCategoricalCrossentropy（类别索引）</translation>
    </message>
    <message>
      <source>Keras clips probabilities to [1e-7, 1 − 1e-7] before the log, so a probability of 0 costs −log(1e-7) ≈ 16.12 instead of infinity and a probability of 1 costs 1e-7 instead of 0. PyTorch is given log p and does not clip.</source>
      <translation>Keras 在取对数之前把概率截断到 [1e-7, 1 − 1e-7]，所以概率 0 的代价是 −log(1e-7) ≈ 16.12 而不是无穷大，概率 1 的代价是 1e-7 而不是 0。PyTorch 接收的是 log p，不做截断。</translation>
    </message>
    <message>
      <source>Label smoothing (y·(1 − ε) + ε/2) exists only in Keras' BinaryCrossentropy; PyTorch and the hand-written version use the labels as given.</source>
      <translation>标签平滑（y·(1 − ε) + ε/2）只有 Keras 的 BinaryCrossentropy 提供；PyTorch 和手写版本按原样使用标签。</translation>
    </message>
    <message>
      <source>Label smoothing: the target becomes (1 − ε)·one-hot + ε/C. Keras SparseCategoricalCrossentropy has no label_smoothing option, so its value is the unsmoothed loss.</source>
      <translation>标签平滑：目标变为 (1 − ε)·one-hot + ε/C。Keras 的 SparseCategoricalCrossentropy 没有 label_smoothing 选项，所以它的值是未平滑的损失。</translation>
    </message>
    <message>
      <source>No row counts (every target is ignored, or the targets' weights are all 0), so PyTorch's mean is 0/0 = NaN.</source>
      <translation>没有任何一行被计入（每个目标都被忽略，或者目标类别的权重全为 0），所以 PyTorch 的平均值是 0/0 = NaN。</translation>
    </message>
    <message>
      <source>PyTorch BCELoss (logs clamped at −100)</source>
      <translation>PyTorch BCELoss（对数值下限截断为 −100）</translation>
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
      <translation>PyTorch 的 CrossEntropyLoss 要求输入 logits；对于概率，传给它的是 log p（当一行之和为 1 时，log p 的 log-softmax 仍是 log p）。</translation>
    </message>
    <message>
      <source>Some probabilities are so small that they round to exactly 0. Taking log(0) would give −inf; log-softmax instead writes log p as (z − max) − log Σ e^(z − max), which stays finite. That is why the frameworks fuse softmax and log.</source>
      <translation>有些概率太小，被舍入成了恰好 0。对它取 log(0) 会得到 −inf；log-softmax 则把 log p 写成 (z − max) − log Σ e^(z − max)，结果保持有限。这就是各框架把 softmax 和 log 合并计算的原因。</translation>
    </message>
    <message>
      <source>Some probabilities lie outside [1e-7, 1 − 1e-7]: the hand-written version and Keras with probabilities clip them there, which caps the loss of a confident mistake at about 16.12; from logits, the exact formula max(x, 0) − x·y + log(1 + e^(−|x|)) needs no clipping.</source>
      <translation>有些概率落在 [1e-7, 1 − 1e-7] 之外：手写版本和以概率为输入的 Keras 会把它们截断到这个区间，因此一个自信的错误预测的损失最多约为 16.12；若从 logits 计算，精确公式 max(x, 0) − x·y + log(1 + e^(−|x|)) 不需要截断。</translation>
    </message>
    <message>
      <source>Some values are not finite numbers.</source>
      <translation>有些值不是有限数。</translation>
    </message>
    <message>
      <source>Weights are applied only by PyTorch (weight rescales each column). Keras' BinaryCrossentropy has no per-class weight.</source>
      <translation>只有 PyTorch 使用权重（weight 对每一列重新缩放）。Keras 的 BinaryCrossentropy 没有按类别的权重。</translation>
    </message>
    <message>
      <source>With smoothing and weights, PyTorch weights the smoothing term class by class (Σ_c w_c·(−log p_c)); Keras multiplies the whole row's loss by the weight of its target class.</source>
      <translation>同时使用平滑和权重时，PyTorch 对平滑项逐类别加权（Σ_c w_c·(−log p_c)）；Keras 则把整行的损失乘以其目标类别的权重。</translation>
    </message>
    <message>
      <source>Without subtracting the row maximum, e^z overflowed to infinity (any logit above about 709.78 does), so softmax became inf/inf = NaN. PyTorch and Keras always subtract the maximum, so their values are still right.</source>
      <translation>没有减去行最大值时，e^z 溢出为无穷大（任何大于约 709.78 的 logit 都会如此），于是 softmax 变成了 inf/inf = NaN。PyTorch 和 Keras 总是先减去最大值，所以它们的值仍然正确。</translation>
    </message>
    <message>
      <source>Without subtracting the row maximum, e^z overflowed to infinity, so the hand-written softmax is NaN and its loss is not finite.</source>
      <translation>没有减去行最大值时，e^z 溢出为无穷大，所以手写的 softmax 是 NaN，其损失不是有限值。</translation>
    </message>
    <message>
      <source>cell {0}</source>
      <translation>单元 {0}</translation>
    </message>
    <message>
      <source>class {0}</source>
      <translation>类别 {0}</translation>
    </message>
    <message>
      <source>hand-written BCE, p clipped to [1e-7, 1 − 1e-7]</source>
      <translation>手写 BCE，p 截断到 [1e-7, 1 − 1e-7]</translation>
    </message>
    <message>
      <source>hand-written softmax → log → NLL</source>
      <translation>手写 softmax → log → NLL</translation>
    </message>
    <message>
      <source>m = {m}, the largest logit of this row: subtracting it makes every exponent z − m ≤ 0, so e^(z − m) cannot overflow, and p is unchanged.</source>
      <translation>m = {m}，即该行最大的 logit：减去它之后，每个指数 z − m ≤ 0，所以 e^(z − m) 不会溢出，而 p 保持不变。</translation>
    </message>
    <message>
      <source>output {0}</source>
      <translation>输出 {0}</translation>
    </message>
    <message>
      <source>p as typed</source>
      <translation>输入的 p</translation>
    </message>
    <message>
      <source>reduction=none: PyTorch returns one loss per cell; Keras one per row (the mean over the row's columns).</source>
      <translation>reduction=none：PyTorch 每个单元返回一个损失；Keras 每行返回一个（该行各列的平均值）。</translation>
    </message>
    <message>
      <source>reduction=sum: Keras first averages each row over its {c} columns and then adds the rows; PyTorch adds every element, so its sum is {c} times larger.</source>
      <translation>reduction=sum：Keras 先对每行的 {c} 列取平均，再把各行相加；PyTorch 把每个元素都加起来，所以它的和是 Keras 的 {c} 倍。</translation>
    </message>
    <message>
      <source>z (no shift)</source>
      <translation>z（不平移）</translation>
    </message>
    <message>
      <source>{ignored} row(s) have target = ignore_index ({ignore_index}) and do not count. PyTorch leaves them out of the mean's divisor; Keras SparseCategoricalCrossentropy does the same with ignore_class; CategoricalCrossentropy has no such option, so they are left out of its batch.</source>
      <translation>有 {ignored} 行的目标等于 ignore_index（{ignore_index}），不计入损失。PyTorch 在求平均时不把它们计入除数；Keras 的 SparseCategoricalCrossentropy 通过 ignore_class 做同样的事；CategoricalCrossentropy 没有这样的选项，所以这些行被排除在它的批次之外。</translation>
    </message>
  </context>
  <context>
    <name>fit</name>
    <message>
      <source>Data and fitted lines</source>
      <translation>数据与拟合直线</translation>
    </message>
    <message>
      <source>Delete selected point</source>
      <translation>删除选中的点</translation>
    </message>
    <message>
      <source>Each fit: its minimiser, then empirical risk + structural risk = objective.</source>
      <translation>每个拟合：先列出其最小值点，然后是 经验风险 + 结构风险 = 目标函数值。</translation>
    </message>
    <message>
      <source>Each point on each loss</source>
      <translation>每个点在各个损失上的取值</translation>
    </message>
    <message>
      <source>J(w, b) = (1/n) Σ L({z}ᵢ) + {penalty},  n = {n}, λ = {lam}</source>
      <translation>J(w, b) = (1/n) Σ L({z}ᵢ) + {penalty}，  n = {n}，λ = {lam}</translation>
    </message>
    <message>
      <source>Objective = empirical + structural risk</source>
      <translation>目标函数 = 经验风险 + 结构风险</translation>
    </message>
    <message>
      <source>Point size: AdaBoost weight of each point, ∝ e^(−m) under the exponential fit.</source>
      <translation>点的大小：每个点的 AdaBoost 权重，在指数损失的拟合下 ∝ e^(−m)。</translation>
    </message>
    <message>
      <source>SVM reading: hinge + λ‖w‖² has the same minimiser as ½‖w‖² + C Σ hinge(mᵢ) with C = 1/(2nλ) = {c}.</source>
      <translation>SVM 视角：铰链损失 + λ‖w‖² 与 ½‖w‖² + C Σ hinge(mᵢ) 有相同的最小值点，其中 C = 1/(2nλ) = {c}。</translation>
    </message>
    <message>
      <source>Segments: each point's pull −L′ on each fit (a pull of 1 is a twentieth of the plot's height; longer ones are cut at 6). Bounded losses cap the pull; squared and exponential losses do not.</source>
      <translation>线段：每个点对每条拟合线的拉力 −L′（拉力 1 对应图高的二十分之一；更长的在 6 处截断）。有界损失会限制拉力的大小；平方损失和指数损失则不会。</translation>
    </message>
    <message>
      <source>classification</source>
      <translation>分类</translation>
    </message>
    <message>
      <source>clean line</source>
      <translation>干净的直线</translation>
    </message>
    <message>
      <source>empirical risk</source>
      <translation>经验风险</translation>
    </message>
    <message>
      <source>heavy-tailed noise</source>
      <translation>重尾噪声</translation>
    </message>
    <message>
      <source>margin m</source>
      <translation>间隔 m</translation>
    </message>
    <message>
      <source>no finite minimiser: the loss keeps falling as ‖(w, b)‖ grows along the direction shown, so the infimum is approached but never reached</source>
      <translation>不存在有限的最小值点：沿图中所示方向增大 ‖(w, b)‖ 时损失会一直下降，因此只能无限逼近下确界，却永远达不到</translation>
    </message>
    <message>
      <source>no penalty</source>
      <translation>无惩罚项</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>one mislabelled point</source>
      <translation>一个标签错误的点</translation>
    </message>
    <message>
      <source>one outlier</source>
      <translation>一个离群点</translation>
    </message>
    <message>
      <source>optimal, but not the only minimiser: other lines reach the same objective (one of them is shown)</source>
      <translation>最优，但不是唯一的最小值点：其他直线也能达到相同的目标函数值（图中显示其中一条）</translation>
    </message>
    <message>
      <source>optimal: this is the unique minimiser</source>
      <translation>最优：这是唯一的最小值点</translation>
    </message>
    <message>
      <source>overlapping classes</source>
      <translation>重叠的类别</translation>
    </message>
    <message>
      <source>regression</source>
      <translation>回归</translation>
    </message>
    <message>
      <source>residual r</source>
      <translation>残差 r</translation>
    </message>
    <message>
      <source>risk</source>
      <translation>风险</translation>
    </message>
    <message>
      <source>separable classes</source>
      <translation>可分的类别</translation>
    </message>
    <message>
      <source>structural risk</source>
      <translation>结构风险</translation>
    </message>
    <message>
      <source>trivial minimiser: w = 0, b = 0 gives every point margin 0 and perceptron loss 0, the smallest possible</source>
      <translation>平凡的最小值点：w = 0、b = 0 使每个点的间隔都为 0、感知机损失也都为 0，这已是可能的最小值</translation>
    </message>
  </context>
  <context>
    <name>help</name>
    <message>
      <source>Copy the focused figure as an image</source>
      <translation>将当前获得焦点的图形复制为图像</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Play or pause an animated panel</source>
      <translation>播放或暂停动画面板</translation>
    </message>
    <message>
      <source>Previous or next step of a lesson</source>
      <translation>课程的上一步或下一步</translation>
    </message>
    <message>
      <source>Rewind to the first frame</source>
      <translation>回到第一帧</translation>
    </message>
    <message>
      <source>Step one frame back or forward</source>
      <translation>后退或前进一帧</translation>
    </message>
  </context>
  <context>
    <name>lessons</name>
    <message>
      <source>&amp;Add the current panel as a lesson step…</source>
      <translation>将当前面板添加为课程步骤(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Leave lesson</source>
      <translation>退出课程(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Next step</source>
      <translation>下一步(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Open lesson file…</source>
      <translation>打开课程文件(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Previous step</source>
      <translation>上一步(&amp;P)</translation>
    </message>
    <message>
      <source>Add the current panel to a lesson</source>
      <translation>将当前面板添加到课程中</translation>
    </message>
    <message>
      <source>Added step {n} to {path}</source>
      <translation>已将步骤 {n} 添加到 {path}</translation>
    </message>
    <message>
      <source>Answer: {answer}</source>
      <translation>答案：{answer}</translation>
    </message>
    <message>
      <source>Answers</source>
      <translation>答案</translation>
    </message>
    <message>
      <source>Could not add the step</source>
      <translation>无法添加步骤</translation>
    </message>
    <message>
      <source>Could not export the handout</source>
      <translation>无法导出讲义</translation>
    </message>
    <message>
      <source>Could not open the lesson</source>
      <translation>无法打开课程</translation>
    </message>
    <message>
      <source>Could not start the lesson</source>
      <translation>无法开始课程</translation>
    </message>
    <message>
      <source>End the lesson and restore the panels as they were</source>
      <translation>结束课程，并将各面板恢复原状</translation>
    </message>
    <message>
      <source>Export handout</source>
      <translation>导出讲义</translation>
    </message>
    <message>
      <source>Export handout in &amp;Chinese (PDF)…</source>
      <translation>导出中文讲义（PDF）(&amp;C)…</translation>
    </message>
    <message>
      <source>Export handout in &amp;English (PDF)…</source>
      <translation>导出英文讲义（PDF）(&amp;E)…</translation>
    </message>
    <message>
      <source>Export this lesson as a printable PDF handout</source>
      <translation>将本课程导出为可打印的 PDF 讲义</translation>
    </message>
    <message>
      <source>Guesses:</source>
      <translation>猜测：</translation>
    </message>
    <message>
      <source>Handout (PDF)…</source>
      <translation>讲义（PDF）…</translation>
    </message>
    <message>
      <source>Hands for {letter}</source>
      <translation>选 {letter} 的举手人数</translation>
    </message>
    <message>
      <source>L&amp;essons</source>
      <translation>课程(&amp;E)</translation>
    </message>
    <message>
      <source>Leave lesson</source>
      <translation>退出课程</translation>
    </message>
    <message>
      <source>Lesson</source>
      <translation>课程</translation>
    </message>
    <message>
      <source>Lesson text</source>
      <translation>课程文本</translation>
    </message>
    <message>
      <source>LossLab lesson (*.toml)</source>
      <translation>LossLab 课程 (*.toml)</translation>
    </message>
    <message>
      <source>LossLab lesson (*.toml);;All files (*)</source>
      <translation>LossLab 课程 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Next step (Page Down)</source>
      <translation>下一步（Page Down）</translation>
    </message>
    <message>
      <source>Next ▶</source>
      <translation>下一步 ▶</translation>
    </message>
    <message>
      <source>Not a list of numbers: {problem}</source>
      <translation>不是一个数字列表：{problem}</translation>
    </message>
    <message>
      <source>Open lesson</source>
      <translation>打开课程</translation>
    </message>
    <message>
      <source>PDF document (*.pdf)</source>
      <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
      <source>Predict</source>
      <translation>预测</translation>
    </message>
    <message>
      <source>Predict first</source>
      <translation>先预测</translation>
    </message>
    <message>
      <source>Previous step (Page Up)</source>
      <translation>上一步（Page Up）</translation>
    </message>
    <message>
      <source>Reveal</source>
      <translation>揭晓</translation>
    </message>
    <message>
      <source>Revealed</source>
      <translation>已揭晓</translation>
    </message>
    <message>
      <source>Show what really happens and mark the answer</source>
      <translation>展示实际结果并标出正确答案</translation>
    </message>
    <message>
      <source>Step {k}</source>
      <translation>步骤 {k}</translation>
    </message>
    <message>
      <source>Step {k} of {n}</source>
      <translation>步骤 {k} / {n}</translation>
    </message>
    <message>
      <source>The class's guesses, separated by commas or spaces</source>
      <translation>全班的猜测，用逗号或空格分隔</translation>
    </message>
    <message>
      <source>This lesson asks no questions.</source>
      <translation>本课程没有提问。</translation>
    </message>
    <message>
      <source>Watch what changes when you press Reveal.</source>
      <translation>按下“揭晓”时，请留意有哪些变化。</translation>
    </message>
    <message numerus="yes">
      <source>Wrote {path} (%n page(s))</source>
      <translation>
        <numerusform>已写入 {path}（%n 页）</numerusform>
      </translation>
    </message>
    <message>
      <source>Your guess:</source>
      <translation>你的猜测：</translation>
    </message>
    <message>
      <source>e.g. 0.2, 0.35, 1</source>
      <translation>例如 0.2, 0.35, 1</translation>
    </message>
    <message>
      <source>hands</source>
      <translation>举手人数</translation>
    </message>
    <message>
      <source>{right} of {votes} guesses were within the tolerance ({share}); closest: {closest}.</source>
      <translation>{votes} 个猜测中有 {right} 个在容差范围内（{share}）；最接近的是：{closest}。</translation>
    </message>
    <message>
      <source>{right} of {votes} hands were right ({share}).</source>
      <translation>{votes} 人举手，其中 {right} 人答对（{share}）。</translation>
    </message>
    <message>
      <source>◀ Previous</source>
      <translation>◀ 上一步</translation>
    </message>
  </context>
  <context>
    <name>likelihood</name>
    <message>
      <source>&lt;b&gt;1. The model.&lt;/b&gt; The label tᵢ ∈ {{0, 1}} is 1 with probability pᵢ = σ(fᵢ) = 1/(1 + e^(−fᵢ)), where the logit is fᵢ = w·xᵢ + b. So p(tᵢ | xᵢ) = pᵢ^tᵢ · (1 − pᵢ)^(1 − tᵢ): p for a 1, 1 − p for a 0.</source>
      <translation>&lt;b&gt;1. 模型。&lt;/b&gt;标签 tᵢ ∈ {{0, 1}} 以概率 pᵢ = σ(fᵢ) = 1/(1 + e^(−fᵢ)) 取 1，其中 logit 为 fᵢ = w·xᵢ + b。因此 p(tᵢ | xᵢ) = pᵢ^tᵢ · (1 − pᵢ)^(1 − tᵢ)：标签为 1 时取 p，为 0 时取 1 − p。</translation>
    </message>
    <message>
      <source>&lt;b&gt;1. The model.&lt;/b&gt; y = w·x + b + ε with Laplace noise of scale s: p(yᵢ | xᵢ) = exp(−|rᵢ|/s) / (2s), with rᵢ = yᵢ − (w·xᵢ + b).</source>
      <translation>&lt;b&gt;1. 模型。&lt;/b&gt;y = w·x + b + ε，其中 ε 是尺度为 s 的拉普拉斯噪声：p(yᵢ | xᵢ) = exp(−|rᵢ|/s) / (2s)，其中 rᵢ = yᵢ − (w·xᵢ + b)。</translation>
    </message>
    <message>
      <source>&lt;b&gt;1. The model.&lt;/b&gt; y = w·x + b + ε with ε ~ N(0, σ²). One point's density is p(yᵢ | xᵢ) = exp(−rᵢ²/(2σ²)) / (σ√(2π)), with the residual rᵢ = yᵢ − (w·xᵢ + b).</source>
      <translation>&lt;b&gt;1. 模型。&lt;/b&gt;y = w·x + b + ε，其中 ε ~ N(0, σ²)。单个点的概率密度为 p(yᵢ | xᵢ) = exp(−rᵢ²/(2σ²)) / (σ√(2π))，其中残差 rᵢ = yᵢ − (w·xᵢ + b)。</translation>
    </message>
    <message>
      <source>&lt;b&gt;2. The likelihood&lt;/b&gt; of independent points is the product L(w, b) = Π p(tᵢ | xᵢ). Here it is {value}: products of many numbers below 1 shrink so fast that they soon underflow to 0 in floating point.</source>
      <translation>&lt;b&gt;2. 似然&lt;/b&gt;：相互独立的各点的似然是它们的乘积 L(w, b) = Π p(tᵢ | xᵢ)。这里它等于 {value}：许多小于 1 的数相乘，乘积缩小得非常快，在浮点运算中很快就会下溢为 0。</translation>
    </message>
    <message>
      <source>&lt;b&gt;2. The likelihood&lt;/b&gt; of independent points is the product L(w, b) = Π p(yᵢ | xᵢ). Here it is {value}: products of many numbers below 1 shrink so fast that they soon underflow to 0 in floating point.</source>
      <translation>&lt;b&gt;2. 似然&lt;/b&gt;：相互独立的各点的似然是它们的乘积 L(w, b) = Π p(yᵢ | xᵢ)。这里它等于 {value}：许多小于 1 的数相乘，乘积缩小得非常快，在浮点运算中很快就会下溢为 0。</translation>
    </message>
    <message>
      <source>&lt;b&gt;3. Take the log.&lt;/b&gt; ln L = Σ [tᵢ·ln pᵢ + (1 − tᵢ)·ln(1 − pᵢ)].</source>
      <translation>&lt;b&gt;3. 取对数。&lt;/b&gt;ln L = Σ [tᵢ·ln pᵢ + (1 − tᵢ)·ln(1 − pᵢ)]。</translation>
    </message>
    <message>
      <source>&lt;b&gt;3. Take the log.&lt;/b&gt; ln L = Σ [−|rᵢ|/s − ln(2s)] = −(1/s)·Σ |rᵢ| − n·ln(2s).</source>
      <translation>&lt;b&gt;3. 取对数。&lt;/b&gt;ln L = Σ [−|rᵢ|/s − ln(2s)] = −(1/s)·Σ |rᵢ| − n·ln(2s)。</translation>
    </message>
    <message>
      <source>&lt;b&gt;3. Take the log.&lt;/b&gt; ln is increasing, so it keeps the maximiser and turns the product into a sum: ln L = Σ [−rᵢ²/(2σ²) − ln(σ√(2π))] = −(1/(2σ²))·Σ rᵢ² − n·ln(σ√(2π)).</source>
      <translation>&lt;b&gt;3. 取对数。&lt;/b&gt;ln 是增函数，所以取对数不改变最大值点，并把乘积变成求和：ln L = Σ [−rᵢ²/(2σ²) − ln(σ√(2π))] = −(1/(2σ²))·Σ rᵢ² − n·ln(σ√(2π))。</translation>
    </message>
    <message>
      <source>&lt;b&gt;4. Drop what does not depend on w and b.&lt;/b&gt; Nothing to drop here: the factor is 1 and the constant 0.</source>
      <translation>&lt;b&gt;4. 去掉与 w 和 b 无关的部分。&lt;/b&gt;这里没有什么可去掉的：因子为 1，常数为 0。</translation>
    </message>
    <message>
      <source>&lt;b&gt;4. Drop what does not depend on w and b.&lt;/b&gt; The constant n·ln(2s) ({constant} here) and the positive factor 1/s ({factor} here) do not move the maximiser.</source>
      <translation>&lt;b&gt;4. 去掉与 w 和 b 无关的部分。&lt;/b&gt;常数 n·ln(2s)（这里为 {constant}）和正因子 1/s（这里为 {factor}）都不会改变最大值点。</translation>
    </message>
    <message>
      <source>&lt;b&gt;4. Drop what does not depend on w and b.&lt;/b&gt; The term n·ln(σ√(2π)) is a constant ({constant} here) and 1/(2σ²) a positive factor ({factor} here): neither moves the maximiser.</source>
      <translation>&lt;b&gt;4. 去掉与 w 和 b 无关的部分。&lt;/b&gt;n·ln(σ√(2π)) 这一项是常数（这里为 {constant}），1/(2σ²) 是正因子（这里为 {factor}）：两者都不会改变最大值点。</translation>
    </message>
    <message>
      <source>&lt;b&gt;5. Flip the sign.&lt;/b&gt; Maximising −Σ rᵢ² is minimising Σ rᵢ²: −ln L = (1/(2σ²))·Σ rᵢ² + n·ln(σ√(2π)). Gaussian noise gives the squared loss, and the maximum-likelihood line is the least-squares line. Maximising over σ as well gives σ̂² = (1/n)·Σ rᵢ² at that line.</source>
      <translation>&lt;b&gt;5. 变号。&lt;/b&gt;最大化 −Σ rᵢ² 就是最小化 Σ rᵢ²：−ln L = (1/(2σ²))·Σ rᵢ² + n·ln(σ√(2π))。高斯噪声对应平方损失，最大似然直线就是最小二乘直线。若同时对 σ 求最大，则在这条直线处得到 σ̂² = (1/n)·Σ rᵢ²。</translation>
    </message>
    <message>
      <source>&lt;b&gt;5. Flip the sign.&lt;/b&gt; −ln L = (1/s)·Σ |rᵢ| + n·ln(2s): Laplace noise gives the absolute loss, and the maximum-likelihood line is the least-absolute-deviations line, which an outlier pulls much less than least squares. The MLE of s is the mean |rᵢ| at that line.</source>
      <translation>&lt;b&gt;5. 变号。&lt;/b&gt;−ln L = (1/s)·Σ |rᵢ| + n·ln(2s)：拉普拉斯噪声对应绝对值损失，最大似然直线就是最小绝对偏差直线，离群点对它的拉动比对最小二乘直线小得多。s 的最大似然估计是该直线处 |rᵢ| 的平均值。</translation>
    </message>
    <message>
      <source>&lt;b&gt;5. Flip the sign.&lt;/b&gt; −ln L = −Σ [tᵢ·ln pᵢ + (1 − tᵢ)·ln(1 − pᵢ)], the binary cross-entropy. With yᵢ = 2tᵢ − 1 ∈ {{−1, +1}} and 1 − σ(f) = σ(−f), each term is −ln σ(yᵢfᵢ) = ln(1 + e^(−yᵢfᵢ)), the logistic loss of the margin mᵢ = yᵢfᵢ.</source>
      <translation>&lt;b&gt;5. 变号。&lt;/b&gt;−ln L = −Σ [tᵢ·ln pᵢ + (1 − tᵢ)·ln(1 − pᵢ)]，即二元交叉熵。令 yᵢ = 2tᵢ − 1 ∈ {{−1, +1}}，并利用 1 − σ(f) = σ(−f)，每一项都是 −ln σ(yᵢfᵢ) = ln(1 + e^(−yᵢfᵢ))，即间隔 mᵢ = yᵢfᵢ 的逻辑斯谛损失。</translation>
    </message>
    <message>
      <source>Bernoulli outcome, sigmoid link</source>
      <translation>伯努利结果，sigmoid 联系函数</translation>
    </message>
    <message>
      <source>Bernoulli, sigmoid link</source>
      <translation>伯努利，sigmoid 联系函数</translation>
    </message>
    <message>
      <source>Binary cross-entropy with 0/1 labels and the logistic loss with ±1 labels are one and the same function of the logit.</source>
      <translation>使用 0/1 标签的二元交叉熵与使用 ±1 标签的逻辑斯谛损失，作为 logit 的函数是完全相同的。</translation>
    </message>
    <message>
      <source>Data, line and noise model</source>
      <translation>数据、直线与噪声模型</translation>
    </message>
    <message>
      <source>Every label is the same, so the likelihood keeps growing as b → ±∞: there is no finite maximum-likelihood line.</source>
      <translation>所有标签都相同，所以当 b → ±∞ 时似然会一直增大：不存在有限的最大似然直线。</translation>
    </message>
    <message>
      <source>Every point has the same x, so the slope is not determined: any line through the fitted height at that x is equally good.</source>
      <translation>所有点的 x 都相同，所以斜率无法确定：任何在该 x 处经过拟合高度的直线都同样好。</translation>
    </message>
    <message>
      <source>Every point lies on the fitted line, so the likelihood grows without bound as the scale shrinks to 0.</source>
      <translation>所有点都恰好落在拟合直线上，所以当尺度缩小到 0 时，似然会无界地增大。</translation>
    </message>
    <message>
      <source>From likelihood to loss: {noise}</source>
      <translation>从似然到损失：{noise}</translation>
    </message>
    <message>
      <source>Gaussian (σ)</source>
      <translation>高斯 (σ)</translation>
    </message>
    <message>
      <source>Gaussian noise</source>
      <translation>高斯噪声</translation>
    </message>
    <message>
      <source>L = Π pᵢ = {value}</source>
      <translation>L = Π pᵢ = {value}</translation>
    </message>
    <message>
      <source>Laplace (scale s)</source>
      <translation>拉普拉斯（尺度 s）</translation>
    </message>
    <message>
      <source>Laplace noise</source>
      <translation>拉普拉斯噪声</translation>
    </message>
    <message>
      <source>MLE</source>
      <translation>最大似然估计</translation>
    </message>
    <message>
      <source>MLE b</source>
      <translation>b 的最大似然估计</translation>
    </message>
    <message>
      <source>MLE s</source>
      <translation>s 的最大似然估计</translation>
    </message>
    <message>
      <source>MLE w</source>
      <translation>w 的最大似然估计</translation>
    </message>
    <message>
      <source>MLE σ</source>
      <translation>σ 的最大似然估计</translation>
    </message>
    <message>
      <source>Move the line to the MLE</source>
      <translation>将直线移到最大似然估计处</translation>
    </message>
    <message>
      <source>Noise scale s</source>
      <translation>噪声尺度 s</translation>
    </message>
    <message>
      <source>Noise scale σ</source>
      <translation>噪声尺度 σ</translation>
    </message>
    <message>
      <source>Product of the likelihoods</source>
      <translation>各点似然的乘积</translation>
    </message>
    <message>
      <source>Some points lie so far in the tail that their likelihood is below 2.2e-308, the smallest normal double: it is given by its logarithm only (the likelihood column shows nan).</source>
      <translation>有些点位于分布尾部极远处，其似然小于 2.2e-308（最小的规格化双精度数）：只能用它的对数来表示（似然一列显示为 nan）。</translation>
    </message>
    <message>
      <source>The labels are separated by a threshold on x, so the likelihood keeps growing as |w| → ∞: there is no finite maximum-likelihood line.</source>
      <translation>标签可以被 x 上的一个阈值完全分开，所以当 |w| → ∞ 时似然会一直增大：不存在有限的最大似然直线。</translation>
    </message>
    <message>
      <source>The −ln L curves below are drawn twice: −ln L itself and factor·Σ loss + constant on top of it. They coincide, so the loss and the likelihood have the same best line. Each curve holds the other parameter at its current value, so its lowest point meets the MLE mark only once the line is at the MLE. Taking logs is not only a convenience: ln L is a sum that stays a modest number (here {log}) when L itself is far below the smallest number a computer can store.</source>
      <translation>下方的 −ln L 曲线各画了两条：−ln L 本身，以及叠在其上的 因子·Σ 损失 + 常数。两者重合，所以损失和似然有相同的最佳直线。每条曲线都把另一个参数固定在当前值，因此只有当直线位于最大似然估计处时，曲线的最低点才与最大似然估计的标记重合。取对数不只是为了方便：即使 L 本身远小于计算机能存储的最小数，ln L 作为一个求和仍是大小适中的数（这里为 {log}）。</translation>
    </message>
    <message>
      <source>constant</source>
      <translation>常数</translation>
    </message>
    <message>
      <source>factor</source>
      <translation>因子</translation>
    </message>
    <message>
      <source>likelihood L</source>
      <translation>似然 L</translation>
    </message>
    <message>
      <source>likelihood of each point (length)</source>
      <translation>每个点的似然（线段长度）</translation>
    </message>
    <message>
      <source>ln p per point</source>
      <translation>每个点的 ln p</translation>
    </message>
    <message>
      <source>ln p per point: Σ = ln L = {value}</source>
      <translation>每个点的 ln p：Σ = ln L = {value}</translation>
    </message>
    <message>
      <source>log₁₀ of the product</source>
      <translation>乘积的 log₁₀</translation>
    </message>
    <message>
      <source>maximum-likelihood fit</source>
      <translation>最大似然拟合</translation>
    </message>
    <message>
      <source>model</source>
      <translation>模型</translation>
    </message>
    <message>
      <source>noise density</source>
      <translation>噪声密度</translation>
    </message>
    <message>
      <source>none (no finite maximum)</source>
      <translation>无（不存在有限的最大值）</translation>
    </message>
    <message>
      <source>p(label = 1)</source>
      <translation>p(标签 = 1)</translation>
    </message>
    <message>
      <source>point i</source>
      <translation>点 i</translation>
    </message>
    <message>
      <source>points multiplied</source>
      <translation>已相乘的点数</translation>
    </message>
    <message>
      <source>−ln L along b</source>
      <translation>−ln L 随 b 的变化</translation>
    </message>
    <message>
      <source>−ln L along w</source>
      <translation>−ln L 随 w 的变化</translation>
    </message>
    <message>
      <source>−ln L at (w, b)</source>
      <translation>(w, b) 处的 −ln L</translation>
    </message>
  </context>
  <context>
    <name>losses</name>
    <message>
      <source>0-1</source>
      <translation>0-1 损失</translation>
    </message>
    <message>
      <source>A smooth cousin of Huber: about ½r² near zero and about |r| − ln 2 far away, with a derivative (tanh r) that is smooth everywhere.</source>
      <translation>Huber 损失的光滑近亲：在零附近约为 ½r²，远离零时约为 |r| − ln 2，其导数（tanh r）处处光滑。</translation>
    </message>
    <message>
      <source>A squared hinge near the boundary that turns into a straight line for badly wrong points (m &lt; −1). The line has the same slope where the pieces meet, so the loss is smooth and, like Huber in regression, not dominated by outliers.</source>
      <translation>在决策边界附近是平方铰链损失，对错得很离谱的点（m &lt; −1）则变成一条直线。两段在衔接处斜率相同，所以该损失是光滑的，并且像回归中的 Huber 损失一样，不会被离群点主导。</translation>
    </message>
    <message>
      <source>Counts mistakes and nothing else: it is the error rate we actually care about. But it is flat everywhere except for a jump at m = 0, so its gradient tells an optimiser nothing, and minimising it directly is a hard combinatorial problem. Every other margin loss here is a stand-in (a surrogate) for it.</source>
      <translation>只数错误，别的什么都不管：它就是我们真正关心的错误率。但它除了在 m = 0 处有一个跳跃外处处平坦，所以它的梯度不能给优化器提供任何信息，直接最小化它是一个困难的组合优化问题。这里其他所有基于间隔的损失都是它的替代（代理损失）。</translation>
    </message>
    <message>
      <source>Every unit of error costs the same, so outliers pull no harder than other points: robust. Its minimiser is the median rather than the mean. It has a corner at r = 0 where the derivative jumps from −1 to +1.</source>
      <translation>每一单位误差的代价都相同，所以离群点的拉力并不比其他点大：它是稳健的。它的最小化解是中位数而不是均值。它在 r = 0 处有一个尖角，导数在那里从 −1 跳到 +1。</translation>
    </message>
    <message>
      <source>Huber (δ)</source>
      <translation>Huber 损失 (δ)</translation>
    </message>
    <message>
      <source>L(m) = 1 if m ≤ 0, else 0</source>
      <translation>L(m) = 1（若 m ≤ 0），否则为 0</translation>
    </message>
    <message>
      <source>L(m) = e^(−m)</source>
      <translation>L(m) = e^(−m)</translation>
    </message>
    <message>
      <source>L(m) = log(1 + e^(−m))   (base e, or base 2)</source>
      <translation>L(m) = log(1 + e^(−m))   （底数为 e 或 2）</translation>
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
      <translation>L(m) = max(0, 1 − m)²（若 m ≥ −1），否则为 −4m</translation>
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
      <translation>L(r) = ½r²（若 |r| ≤ δ），否则为 δ(|r| − ½δ)</translation>
    </message>
    <message>
      <source>Quadratic for small errors and linear for large ones, joined at |r| = δ with the same slope. So it is differentiable everywhere like the squared loss and robust to outliers like the absolute loss. Drag δ: a large δ makes it squared-like, a small δ absolute-like.</source>
      <translation>误差小时是二次的，误差大时是线性的，两段在 |r| = δ 处以相同斜率相接。因此它像平方损失一样处处可导，又像绝对值损失一样对离群点稳健。拖动 δ：δ 大时它接近平方损失，δ 小时接近绝对值损失。</translation>
    </message>
    <message>
      <source>Squaring the hinge removes its corner: the loss and its slope are continuous, which suits gradient methods. It punishes badly misclassified points much harder than the plain hinge does.</source>
      <translation>把铰链损失平方就去掉了它的尖角：损失及其斜率都是连续的，适合梯度方法。它对严重误分类的点的惩罚比普通铰链损失重得多。</translation>
    </message>
    <message>
      <source>The hinge moved to pass through the origin: a correctly classified point costs nothing however small its margin. That is why the perceptron stops at the first separating line it finds instead of looking for a wide margin.</source>
      <translation>把铰链损失平移到经过原点：一个被正确分类的点无论间隔多小都没有代价。这就是感知机在找到第一条分隔线时就停下来，而不去寻找宽间隔的原因。</translation>
    </message>
    <message>
      <source>The log loss of logistic regression: binary cross-entropy of a sigmoid output, written in terms of the margin, and the negative log-likelihood of a Bernoulli model. It is smooth and convex. Divided by ln 2 (base 2) it passes through (0, 1) and bounds the 0-1 loss from above. It never reaches zero, so every point, even a well classified one, keeps a little pull; points far on the wrong side grow linearly, which makes it more sensitive to outliers than the hinge.</source>
      <translation>逻辑斯谛回归的对数损失：用间隔表示的 sigmoid 输出的二元交叉熵，也是伯努利模型的负对数似然。它光滑且凸。除以 ln 2（底数为 2）后，它经过 (0, 1) 点，并从上方界住 0-1 损失。它永远不会降到零，所以每个点，即使分类得很好，也保留一点拉力；远在错误一侧的点损失线性增长，这使它比铰链损失对离群点更敏感。</translation>
    </message>
    <message>
      <source>The loss AdaBoost minimises, one weak learner at a time (forward stagewise additive modelling). It grows exponentially on the wrong side, so a single mislabelled point can dominate the fit.</source>
      <translation>AdaBoost 每次加入一个弱学习器时所最小化的损失（前向分步加法模型）。它在错误一侧呈指数增长，所以一个标错的点就可能主导整个拟合。</translation>
    </message>
    <message>
      <source>The loss of support vector regression: errors inside a tube of half-width ε are free, and outside it the cost grows linearly. Drag ε to widen or narrow the tube.</source>
      <translation>支持向量回归的损失：落在半宽为 ε 的管道内的误差没有代价，管道外的代价线性增长。拖动 ε 可以加宽或收窄管道。</translation>
    </message>
    <message>
      <source>The loss of the support vector machine. It is convex and lies on or above the 0-1 loss everywhere, the tightest such convex bound. Once a point is classified with margin at least 1 it costs nothing, so only the points near or across the boundary (the support vectors) shape the solution. It has a corner at m = 1 where the derivative jumps; optimisers use a subgradient there.</source>
      <translation>支持向量机的损失（也称合页损失）。它是凸的，并且处处位于 0-1 损失之上或与之重合，是这类凸上界中最紧的一个。一个点一旦以至少为 1 的间隔被正确分类，就不再有代价，所以只有靠近或越过边界的点（支持向量）决定解。它在 m = 1 处有一个尖角，导数在那里跳变；优化器在该点使用次梯度。</translation>
    </message>
    <message>
      <source>The mean of r² is the mean squared error. Minimising it is maximum likelihood when the noise is Gaussian. Because the penalty grows with the square, large errors dominate the sum: a few outliers can pull the fit a long way.</source>
      <translation>r² 的平均值就是均方误差。当噪声服从高斯分布时，最小化它就是极大似然估计。由于惩罚随误差的平方增长，大误差会主导总和：少数几个离群点就能把拟合拉偏很远。</translation>
    </message>
    <message>
      <source>The pinball loss. Under-predictions (r &gt; 0) cost τ per unit and over-predictions 1 − τ, so the minimiser is the τ-quantile of the data instead of the mean; τ = 0.5 gives the median.</source>
      <translation>弹球损失（pinball loss）。预测偏低（r &gt; 0）时每单位代价为 τ，预测偏高时为 1 − τ，所以最小化解是数据的 τ 分位数而不是均值；τ = 0.5 时得到中位数。</translation>
    </message>
    <message>
      <source>absolute (L1)</source>
      <translation>绝对值损失 (L1)</translation>
    </message>
    <message>
      <source>exponential (AdaBoost)</source>
      <translation>指数损失 (AdaBoost)</translation>
    </message>
    <message>
      <source>hinge (SVM)</source>
      <translation>铰链损失 (SVM)</translation>
    </message>
    <message>
      <source>log-cosh</source>
      <translation>log-cosh 损失</translation>
    </message>
    <message>
      <source>logistic</source>
      <translation>逻辑斯谛损失</translation>
    </message>
    <message>
      <source>modified Huber</source>
      <translation>修正 Huber 损失</translation>
    </message>
    <message>
      <source>perceptron</source>
      <translation>感知机损失</translation>
    </message>
    <message>
      <source>quantile (τ)</source>
      <translation>分位数损失 (τ)</translation>
    </message>
    <message>
      <source>squared (L2)</source>
      <translation>平方损失 (L2)</translation>
    </message>
    <message>
      <source>squared hinge</source>
      <translation>平方铰链损失</translation>
    </message>
    <message>
      <source>ε-insensitive (SVR)</source>
      <translation>ε-不敏感损失 (SVR)</translation>
    </message>
  </context>
  <context>
    <name>menu</name>
    <message numerus="yes">
      <source>%n frames</source>
      <translation>
        <numerusform>%n 帧</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n saved setting(s) ignored: {problems}</source>
      <translation>
        <numerusform>忽略了 %n 项已保存的设置：{problems}</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;About LossLab</source>
      <translation>关于 LossLab(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Copy figure</source>
      <translation>复制图形(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Open session…</source>
      <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Presenter mode (large text, thick lines)</source>
      <translation>演示模式（大字号、粗线条）(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Reset layout</source>
      <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Save session…</source>
      <translation>保存会话(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Theme</source>
      <translation>主题(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>16:9 slide (1920 × 1080)</source>
      <translation>16:9 幻灯片（1920 × 1080）</translation>
    </message>
    <message>
      <source>4:3 (1600 × 1200)</source>
      <translation>4:3（1600 × 1200）</translation>
    </message>
    <message>
      <source>About LossLab</source>
      <translation>关于 LossLab</translation>
    </message>
    <message>
      <source>Animated GIF (*.gif)</source>
      <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
      <source>CSV data (*.csv)</source>
      <translation>CSV 数据 (*.csv)</translation>
    </message>
    <message>
      <source>Could not open the session</source>
      <translation>无法打开会话</translation>
    </message>
    <message>
      <source>Could not save the session</source>
      <translation>无法保存会话</translation>
    </message>
    <message>
      <source>Current theme</source>
      <translation>当前主题</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Export &amp;data as CSV…</source>
      <translation>将数据导出为 CSV(&amp;D)…</translation>
    </message>
    <message>
      <source>Export data as &amp;JSON…</source>
      <translation>将数据导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>导出失败</translation>
    </message>
    <message>
      <source>Export figure</source>
      <translation>导出图形</translation>
    </message>
    <message>
      <source>Export figure as &amp;PNG…</source>
      <translation>将图形导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
      <source>Export figure as &amp;SVG…</source>
      <translation>将图形导出为 SVG(&amp;S)…</translation>
    </message>
    <message>
      <source>Figure copied to the clipboard</source>
      <translation>图形已复制到剪贴板</translation>
    </message>
    <message>
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Height</source>
      <translation>高度</translation>
    </message>
    <message>
      <source>High contrast</source>
      <translation>高对比度</translation>
    </message>
    <message>
      <source>How to read &amp;this panel</source>
      <translation>如何解读本面板(&amp;T)</translation>
    </message>
    <message>
      <source>How to read this panel</source>
      <translation>如何解读本面板</translation>
    </message>
    <message>
      <source>JSON data (*.json)</source>
      <translation>JSON 数据 (*.json)</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Learn loss functions by playing with them.</source>
      <translation>在动手把玩中学习损失函数。</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <source>Light (for print)</source>
      <translation>浅色（适合打印）</translation>
    </message>
    <message>
      <source>Loading LossLab…</source>
      <translation>正在加载 LossLab…</translation>
    </message>
    <message>
      <source>LossLab session (*.json)</source>
      <translation>LossLab 会话 (*.json)</translation>
    </message>
    <message>
      <source>LossLab session (*.json);;All files (*)</source>
      <translation>LossLab 会话 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
      <source>On-screen size</source>
      <translation>屏幕显示尺寸</translation>
    </message>
    <message>
      <source>Open session</source>
      <translation>打开会话</translation>
    </message>
    <message>
      <source>PNG image (*.png)</source>
      <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
      <source>PNG scale</source>
      <translation>PNG 缩放倍数</translation>
    </message>
    <message>
      <source>SVG vector image (*.svg)</source>
      <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
      <source>Save &amp;window screenshot…</source>
      <translation>保存窗口截图(&amp;W)…</translation>
    </message>
    <message>
      <source>Save session</source>
      <translation>保存会话</translation>
    </message>
    <message>
      <source>Save window screenshot</source>
      <translation>保存窗口截图</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已保存 {path}</translation>
    </message>
    <message>
      <source>Screenshot failed</source>
      <translation>截图失败</translation>
    </message>
    <message>
      <source>Session loaded from {path}</source>
      <translation>已从 {path} 载入会话</translation>
    </message>
    <message>
      <source>Session opened with problems</source>
      <translation>会话已打开，但存在问题</translation>
    </message>
    <message>
      <source>Session saved to {path}</source>
      <translation>会话已保存到 {path}</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <source>Square (1200 × 1200)</source>
      <translation>正方形（1200 × 1200）</translation>
    </message>
    <message>
      <source>System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Theme</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>Width</source>
      <translation>宽度</translation>
    </message>
    <message>
      <source>Wrote {path}</source>
      <translation>已写入 {path}</translation>
    </message>
    <message>
      <source>Wrote {path} ({what})</source>
      <translation>已写入 {path}（{what}）</translation>
    </message>
    <message>
      <source>dock layout unreadable</source>
      <translation>停靠布局无法读取</translation>
    </message>
    <message>
      <source>settings from another version ignored</source>
      <translation>已忽略来自其他版本的设置</translation>
    </message>
    <message>
      <source>the dock layout could not be restored; kept the current one</source>
      <translation>无法恢复停靠布局；保留当前布局</translation>
    </message>
    <message>
      <source>window geometry unreadable</source>
      <translation>窗口位置和大小无法读取</translation>
    </message>
    <message>
      <source>{panel}: stored parameters unreadable</source>
      <translation>{panel}：已保存的参数无法读取</translation>
    </message>
  </context>
  <context>
    <name>network</name>
    <message>
      <source>A network built by hand: the inputs x (three numbers, the last always 1 so that it acts as a bias) feed a hidden layer of sigmoid units through the weights W1, which feed one sigmoid output ŷ through W2. The targets are 1 exactly when the first two inputs differ, which no single neuron can learn. Backpropagation applies the chain rule layer by layer to get the gradient of the loss with respect to every weight, and each iteration moves all weights a step (the learning rate) down that gradient.</source>
      <translation>一个手工搭建的网络：输入 x（三个数，最后一个恒为 1，从而起到偏置的作用）经权重 W1 送入由 sigmoid 单元组成的隐藏层，隐藏层再经 W2 送入一个 sigmoid 输出 ŷ。当且仅当前两个输入不同时，目标为 1，这是任何单个神经元都学不会的。反向传播逐层应用链式法则，求出损失对每个权重的梯度；每次迭代都让所有权重沿梯度下降的方向移动一步（步长即学习率）。</translation>
    </message>
    <message>
      <source>After {iterations} updates this run has not got there yet: the largest error is {err}, more than {tol}, and the loss is still falling. More iterations or a larger learning rate would help.</source>
      <translation>经过 {iterations} 次更新，这次训练还没有达到目标：最大误差为 {err}，大于 {tol}，而损失仍在下降。增加迭代次数或增大学习率会有帮助。</translation>
    </message>
    <message>
      <source>Cross-entropy</source>
      <translation>交叉熵</translation>
    </message>
    <message>
      <source>Cross-entropy L = −Σ[y ln ŷ + (1 − y) ln(1 − ŷ)] (nats). At the output its gradient is simply ŷ − y: the σ′ factor cancels, so a confidently wrong output still gets a large push. It reaches the targets several times sooner than the squared error, but with a learning rate of 1 that larger push can overshoot early on, and for some seeds the loss briefly rises before it falls.</source>
      <translation>交叉熵 L = −Σ[y ln ŷ + (1 − y) ln(1 − ŷ)]（单位：奈特）。在输出端，它的梯度就是 ŷ − y：σ′ 因子被约掉了，所以一个自信但错误的输出仍然会得到很大的推动。它达到目标的速度比平方误差快好几倍，但在学习率为 1 时，这更大的推动在早期可能会冲过头，对某些随机种子，损失会先短暂上升再下降。</translation>
    </message>
    <message>
      <source>Loss:  iteration = {k:.0f},  loss = {loss:.4g}</source>
      <translation>损失：  迭代 = {k:.0f}，  损失 = {loss:.4g}</translation>
    </message>
    <message>
      <source>Sum of squared errors</source>
      <translation>误差平方和</translation>
    </message>
    <message>
      <source>Sum of squared errors L = Σ(y − ŷ)². Its gradient at the output carries the sigmoid's slope σ′(z) = ŷ(1 − ŷ), which is small whenever the output is near 0 or 1, so the network creeps towards the targets; the read-out says how many updates each loss needs to get every prediction within 0.05 of its target.</source>
      <translation>误差平方和 L = Σ(y − ŷ)²。它在输出端的梯度带有 sigmoid 的斜率 σ′(z) = ŷ(1 − ŷ)，只要输出接近 0 或 1，这个斜率就很小，所以网络只能缓慢地逼近目标；读数显示每种损失需要多少次更新，才能使每个预测与其目标相差不超过 0.05。</translation>
    </message>
    <message>
      <source>This run brings every prediction within {tol} of its target after {n} updates and ends with the largest error {err}. The predictions end close to, but not exactly on, the targets; that small remaining error is normal, not overfitting.</source>
      <translation>这次训练在 {n} 次更新后使每个预测与其目标相差都不超过 {tol}，结束时最大误差为 {err}。预测最终接近目标，但并不恰好等于目标；剩下的这点小误差是正常的，并不是过拟合。</translation>
    </message>
    <message>
      <source>This run broke down: its numbers stopped being finite. Try a smaller learning rate.</source>
      <translation>这次训练崩溃了：它的数值不再是有限数。请试一个更小的学习率。</translation>
    </message>
    <message>
      <source>This run failed: after {iterations} updates the largest error is still {err}, so at least one prediction is on the wrong side of 0.5, and the loss has stopped falling. It is stuck (a flat region or a poor local minimum, or too few hidden units): try another seed, more hidden units or another learning rate.</source>
      <translation>这次训练失败了：经过 {iterations} 次更新，最大误差仍为 {err}，所以至少有一个预测落在 0.5 错误的一侧，而且损失已经不再下降。它被卡住了（处于平坦区域或较差的局部极小值，或者隐藏单元太少）：请换一个随机种子、增加隐藏单元，或换一个学习率。</translation>
    </message>
    <message numerus="yes">
      <source>after %n update(s)</source>
      <translation>
        <numerusform>经过 %n 次更新</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>not in %n update(s)</source>
      <translation>
        <numerusform>%n 次更新内未达到</numerusform>
      </translation>
    </message>
    <message>
      <source>{loss} (nats)</source>
      <translation>{loss}（奈特）</translation>
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
&lt;h3&gt;单个神经元上的二次代价与交叉熵&lt;/h3&gt;
&lt;p&gt;神经元计算 &lt;i&gt;z&lt;/i&gt; = &lt;i&gt;w&lt;/i&gt;·&lt;i&gt;x&lt;/i&gt; + &lt;i&gt;b&lt;/i&gt;，并输出 &lt;i&gt;a&lt;/i&gt; = σ(&lt;i&gt;z&lt;/i&gt;) = 1/(1 + e&lt;sup&gt;−z&lt;/sup&gt;)。两次训练从相同的权重和偏置出发，每一轮都采取同一种更新：&lt;i&gt;w&lt;/i&gt; ← &lt;i&gt;w&lt;/i&gt; − η·∂C/∂w，&lt;i&gt;b&lt;/i&gt; ← &lt;i&gt;b&lt;/i&gt; − η·∂C/∂b。唯一的区别在于代价函数。&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;二次代价&lt;/b&gt;：{cost_q}，因此&lt;br&gt;{grad_q}&lt;/li&gt;
&lt;li&gt;&lt;b&gt;交叉熵&lt;/b&gt;：{cost_ce}，因此&lt;br&gt;{grad_ce}&lt;br&gt;
链式法则带来的 σ′(z) 被 ∂C/∂a 中的 1/(a(1 − a)) 约掉了。&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;为什么二次代价的训练可能缓慢爬行。&lt;/b&gt;σ′(z) = σ(z)(1 − σ(z)) 至多为 0.25，在 sigmoid 的两端几乎为零。&lt;/p&gt;
{start}
{rates}
&lt;p&gt;&lt;b&gt;代价曲面。&lt;/b&gt;C 只通过 z = w·x + b 依赖于 w 和 b，所以每张热图都是一组平行条纹（颜色越深代价越低；颜色条给出代价值）。路径显示梯度下降走过的轨迹。&lt;/p&gt;
</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Learning rates.&lt;/b&gt; Both runs use the same η = {eta}, the fair comparison: they differ only in the cost.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;学习率。&lt;/b&gt;两次训练使用相同的 η = {eta}，这是公平的比较：它们只在代价函数上不同。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Learning rates.&lt;/b&gt; The quadratic run uses η = {eta}, cross-entropy η = {eta_ce}: the runs differ in step size as well as in cost. (The classic book figure trained cross-entropy with η = 0.005; its preset reproduces that.)&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;学习率。&lt;/b&gt;二次代价的训练使用 η = {eta}，交叉熵使用 η = {eta_ce}：两次训练不仅代价函数不同，步长也不同。（经典教材中的图用 η = 0.005 训练交叉熵；对应的预设重现了这一设置。）&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;This start.&lt;/b&gt; z = {z} gives a = {a} for a target of y = {y}; the slope there is σ′(z) = {slope}.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;当前起点。&lt;/b&gt;z = {z} 给出 a = {a}，而目标是 y = {y}；该处的斜率为 σ′(z) = {slope}。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;Here the sigmoid is not flat, so the quadratic run is not held back much. Start far out on the curve (a preset, or a large |w|) to see it stall while cross-entropy does not.&lt;/p&gt;</source>
      <translation>&lt;p&gt;这里 sigmoid 并不平坦，所以二次代价的训练没有受到多大拖累。从曲线上远离中心的位置出发（选一个预设，或取较大的 |w|），就能看到它停滞不前，而交叉熵不会。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;p&gt;The neuron is confidently wrong and sits on a flat part of the sigmoid: look at its tangent in the lower-left plot. Its error is large, but the quadratic gradient is multiplied by that tiny slope, so it barely moves, exactly when it most needs to. Cross-entropy's gradient is just the error times the input: the more wrong the neuron, the bigger the step, so it drops at once.&lt;/p&gt;</source>
      <translation>&lt;p&gt;神经元自信地犯了错，并且处在 sigmoid 的平坦区域：请看左下图中它的切线。它的误差很大，但二次代价的梯度要乘以那个极小的斜率，所以它几乎不动，而这恰恰是它最需要移动的时候。交叉熵的梯度就是误差乘以输入：神经元错得越厉害，步子就越大，所以它立刻下降。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>A learning rate a million times too large: the first step throws the neuron so far along the sigmoid that it can no longer learn.</source>
      <translation>学习率大了一百万倍：第一步就把神经元沿 sigmoid 抛得太远，使它再也无法学习。</translation>
    </message>
    <message>
      <source>Book's rates: cross-entropy η = 0.005 (starts at 0.98)</source>
      <translation>教材中的学习率：交叉熵 η = 0.005（初始输出 0.98）</translation>
    </message>
    <message>
      <source>Cost C</source>
      <translation>代价 C</translation>
    </message>
    <message>
      <source>Cross-entropy</source>
      <translation>交叉熵</translation>
    </message>
    <message>
      <source>Cross-entropy cost C(w, b)</source>
      <translation>交叉熵代价 C(w, b)</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <source>Far too large η = 10⁶ (breaks down)</source>
      <translation>过大的 η = 10⁶（训练崩溃）</translation>
    </message>
    <message>
      <source>Gradient |∂C/∂w|</source>
      <translation>梯度 |∂C/∂w|</translation>
    </message>
    <message>
      <source>Output 0.82 at the start, target 0; η = 0.15 for both costs.  Both learn, cross-entropy faster.</source>
      <translation>初始输出 0.82，目标 0；两种代价的 η 都是 0.15。两者都能学会，交叉熵更快。</translation>
    </message>
    <message>
      <source>Output 0.98 at the start, deep on the flat part of the sigmoid; η = 0.15 for both costs.  The quadratic run crawls, cross-entropy drops at once.</source>
      <translation>初始输出 0.98，深处 sigmoid 的平坦区域；两种代价的 η 都是 0.15。二次代价的训练缓慢爬行，交叉熵则立刻下降。</translation>
    </message>
    <message>
      <source>Output a = σ(z)</source>
      <translation>输出 a = σ(z)</translation>
    </message>
    <message>
      <source>Preset</source>
      <translation>预设</translation>
    </message>
    <message>
      <source>Quadratic</source>
      <translation>二次代价</translation>
    </message>
    <message>
      <source>Quadratic cost C(w, b)</source>
      <translation>二次代价 C(w, b)</translation>
    </message>
    <message>
      <source>Starts at 0.82 (w₀ = 0.6, b₀ = 0.9)</source>
      <translation>初始输出 0.82（w₀ = 0.6，b₀ = 0.9）</translation>
    </message>
    <message>
      <source>Starts at 0.98 (w₀ = b₀ = 2)</source>
      <translation>初始输出 0.98（w₀ = b₀ = 2）</translation>
    </message>
    <message>
      <source>The classic book figure trained cross-entropy with η = 0.005 but the quadratic cost with η = 0.15.  With the smaller rate cross-entropy only reaches about 0.78 after 300 epochs: this compares learning rates, not costs.</source>
      <translation>经典教材中的图用 η = 0.005 训练交叉熵，却用 η = 0.15 训练二次代价。学习率较小时，交叉熵在 300 轮后只达到约 0.78：这比较的是学习率，而不是代价函数。</translation>
    </message>
    <message>
      <source>Why: σ′(z) at each run's z</source>
      <translation>原因：每次训练所处 z 处的 σ′(z)</translation>
    </message>
    <message>
      <source>a value stopped being a finite number</source>
      <translation>某个值不再是有限数</translation>
    </message>
    <message>
      <source>cost C</source>
      <translation>代价 C</translation>
    </message>
    <message>
      <source>epoch</source>
      <translation>轮次</translation>
    </message>
    <message>
      <source>stopped at</source>
      <translation>停止于</translation>
    </message>
    <message>
      <source>stopped at epoch</source>
      <translation>停止于轮次</translation>
    </message>
    <message>
      <source>the update threw the weighted input to z = {z:.4g}, so far out on the sigmoid that a is 0 or 1 to the last digit and σ′(z) is below 1e-300: the step overshot by orders of magnitude</source>
      <translation>这次更新把加权输入推到了 z = {z:.4g}，远在 sigmoid 的尽头：a 精确到最后一位都是 0 或 1，σ′(z) 小于 1e-300——这一步冲过头了好几个数量级</translation>
    </message>
    <message>
      <source>the weight or bias became {w!r}, {b!r}</source>
      <translation>权重或偏置变成了 {w!r}, {b!r}</translation>
    </message>
    <message>
      <source>{cost} run stopped at epoch {epoch}: {reason}.  The learning rate η = {eta:g} is far too large: each step is meant to move the parameters a little way downhill, but this one jumped far past the valley.  Try a smaller η (0.15 is a good start).</source>
      <translation>{cost}的训练在第 {epoch} 轮停止：{reason}。学习率 η = {eta:g} 太大了：每一步本应让参数沿下坡方向移动一小段，这一步却远远跳过了谷底。请试试更小的 η（0.15 是不错的起点）。</translation>
    </message>
    <message>
      <source>η is far too large</source>
      <translation>η 太大了</translation>
    </message>
  </context>
  <context>
    <name>panels</name>
    <message>
      <source>&lt;b&gt;Archer {0} never {1}&lt;/b&gt; (p = {2:g}): {3} would carry −log 0 = ∞ information, so it is shown as ∞ in the table and not plotted. His result is certain, so his entropy is 0.</source>
      <translation>&lt;b&gt;弓箭手 {0} 从不{1}&lt;/b&gt;（p = {2:g}）：{3}将携带 −log 0 = ∞ 的信息量，所以它在表中显示为 ∞，且不画在图上。他的结果是确定的，所以他的熵为 0。</translation>
    </message>
    <message>
      <source>&lt;b&gt;{0} gives probability 0 to class {1}&lt;/b&gt;, which the target says can happen. Its term −pᵢ log 0 is infinite, so H(p, {0}) = ∞: a model that is certain an outcome is impossible pays an unbounded price when it happens. This is why frameworks clip probabilities away from 0 (Keras uses ε = 1e-7).</source>
      <translation>&lt;b&gt;{0} 给类别 {1} 的概率为 0&lt;/b&gt;，而目标分布表明它是可能发生的。它的项 −pᵢ log 0 是无穷大，所以 H(p, {0}) = ∞：一个确信某个结果不可能发生的模型，在该结果真的发生时要付出无界的代价。这就是各框架要把概率截断、使之远离 0 的原因（Keras 使用 ε = 1e-7）。</translation>
    </message>
    <message>
      <source>&lt;h3&gt;Binary cross-entropy&lt;/h3&gt;&lt;p&gt;Each cell is its own yes/no question: a sigmoid σ(x) = 1 / (1 + e^(−x)) turns the logit into a probability p, and the loss of the cell is −[y log p + (1 − y) log(1 − p)]. Keras averages the cells of a row, then the rows; PyTorch averages all cells at once (the same number for 'mean').&lt;/p&gt;&lt;p&gt;From logits, both frameworks use the rearranged form max(x, 0) − x·y + log(1 + e^(−|x|)), exact for any x. From probabilities, Keras and the hand-written version clip p to [1e-7, 1 − 1e-7] first, and PyTorch's BCELoss stops each log at −100.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;二元交叉熵&lt;/h3&gt;&lt;p&gt;每个单元都是一个独立的是/否问题：sigmoid 函数 σ(x) = 1 / (1 + e^(−x)) 把 logit 变成概率 p，该单元的损失是 −[y log p + (1 − y) log(1 − p)]。Keras 先对一行中的各单元取平均，再对各行取平均；PyTorch 则一次性对所有单元取平均（对 'mean' 而言结果相同）。&lt;/p&gt;&lt;p&gt;从 logits 计算时，两个框架都使用变形后的公式 max(x, 0) − x·y + log(1 + e^(−|x|))，对任何 x 都精确。从概率计算时，Keras 和手写版本先把 p 截断到 [1e-7, 1 − 1e-7]，而 PyTorch 的 BCELoss 把每个对数值的下限截断为 −100。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;h3&gt;From logits to one number&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Softmax&lt;/b&gt; turns a row of logits z into probabilities p = e^z / Σ e^z. Subtracting the row maximum first changes nothing in the result but keeps e^z from overflowing (turn it off and type 1000 to see why). &lt;b&gt;Log&lt;/b&gt; maps the probabilities to (−∞, 0]; written as (z − max) − log Σ e^(z − max) it stays finite even where p rounds to 0. &lt;b&gt;NLL&lt;/b&gt; picks the log-probability of the target class and negates it.&lt;/p&gt;&lt;p&gt;PyTorch's CrossEntropyLoss is exactly LogSoftmax followed by NLLLoss. With class weights, each row's loss is multiplied by the weight of its target, and the mean divides by the sum of those weights, not by the number of rows. Keras' CategoricalCrossentropy wants one-hot targets, SparseCategoricalCrossentropy class indices; for the same batch both give the same number, and without weights it is PyTorch's number too.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;从 logits 到一个数&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Softmax&lt;/b&gt; 把一行 logits z 变成概率 p = e^z / Σ e^z。先减去该行的最大值不会改变结果，但能防止 e^z 溢出（关掉这个选项并输入 1000 就能看到原因）。&lt;b&gt;Log&lt;/b&gt; 把概率映射到 (−∞, 0]；写成 (z − max) − log Σ e^(z − max) 的形式后，即使 p 被舍入为 0，结果也保持有限。&lt;b&gt;NLL&lt;/b&gt;（负对数似然）取出目标类别的对数概率并取其相反数。&lt;/p&gt;&lt;p&gt;PyTorch 的 CrossEntropyLoss 恰好就是 LogSoftmax 再接 NLLLoss。使用类别权重时，每行的损失乘以其目标类别的权重，而平均值除以这些权重之和，而不是除以行数。Keras 的 CategoricalCrossentropy 需要独热（one-hot）目标，SparseCategoricalCrossentropy 需要类别索引；对同一个批次，两者给出相同的数值，在不使用权重时也与 PyTorch 的数值相同。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;h3&gt;Information&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;self-information&lt;/b&gt; of an outcome, I = −log p, measures how surprised you should be to see it. A sure thing (p = 1) tells you nothing; the rarer the outcome, the more it tells you. With the logarithm to base {0} it is counted in &lt;b&gt;{1}&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;{2}&lt;/p&gt;&lt;h3&gt;Entropy&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;entropy&lt;/b&gt; H = −Σ p log p is the surprise you expect on average before the arrow flies, that is, how uncertain the result is (0·log 0 counts as 0). {3} A yes/no trial is most uncertain at p = ½, one bit. Drag an archer along the curve to see every number change.&lt;/p&gt;&lt;h3&gt;Cross-entropy&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;cross-entropy&lt;/b&gt; H(p, q) = −Σ pᵢ log qᵢ is the average surprise when the outcomes follow the target p but are scored by a prediction q. It is never below H(p), and the excess is the Kullback–Leibler divergence: H(p, q) = H(p) + KL(p‖q). With a one-hot target only the true class counts, so the cross-entropy is −log of the probability the prediction gave that class: the prediction that puts more weight where the target is has the smaller cross-entropy, which is why it works as a classification loss. {4}&lt;/p&gt;&lt;p&gt;Editing one probability (spin box or bar) keeps that value and rescales the other classes to share the rest in their old proportions, so each distribution always sums to 1.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;信息&lt;/h3&gt;&lt;p&gt;一个结果的&lt;b&gt;自信息&lt;/b&gt; I = −log p 衡量看到它时你应该有多惊讶。必然发生的事（p = 1）不告诉你任何东西；结果越罕见，它告诉你的就越多。以 {0} 为底取对数时，它以&lt;b&gt;{1}&lt;/b&gt;为单位。&lt;/p&gt;&lt;p&gt;{2}&lt;/p&gt;&lt;h3&gt;熵&lt;/h3&gt;&lt;p&gt;&lt;b&gt;熵&lt;/b&gt; H = −Σ p log p 是箭射出之前你预期平均会感到的惊讶，也就是结果有多不确定（0·log 0 记为 0）。{3} 一次是/否试验在 p = ½ 时最不确定，为 1 比特。沿曲线拖动弓箭手，可以看到每个数随之变化。&lt;/p&gt;&lt;h3&gt;交叉熵&lt;/h3&gt;&lt;p&gt;&lt;b&gt;交叉熵&lt;/b&gt; H(p, q) = −Σ pᵢ log qᵢ 是结果服从目标分布 p、却按预测 q 来计算时的平均惊讶。它永远不小于 H(p)，多出的部分就是 Kullback–Leibler 散度：H(p, q) = H(p) + KL(p‖q)。对于独热目标，只有真实类别起作用，所以交叉熵就是预测赋予该类别的概率的 −log：在目标所在之处放更多概率的预测，交叉熵更小，这正是它能用作分类损失的原因。{4}&lt;/p&gt;&lt;p&gt;修改某一个概率（通过数值框或柱条）时，该值保持不变，其他类别按原有比例重新缩放以分享剩余部分，因此每个分布之和始终为 1。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Add class</source>
      <translation>添加类别</translation>
    </message>
    <message>
      <source>Add row</source>
      <translation>添加行</translation>
    </message>
    <message>
      <source>Archer {0} always hits (p = 1): a hit is certain and tells you nothing (0 {1}).</source>
      <translation>弓箭手 {0} 总是命中（p = 1）：命中是确定的，不提供任何信息（0 {1}）。</translation>
    </message>
    <message>
      <source>Archer {0} hits with probability {1}: a hit carries {2} {4} of information and a miss {3} {4}.</source>
      <translation>弓箭手 {0} 的命中概率为 {1}：一次命中携带 {2} {4} 的信息，一次脱靶携带 {3} {4}。</translation>
    </message>
    <message>
      <source>Archer {0} never hits (p = 0): a miss is certain and tells you nothing (0 {1}).</source>
      <translation>弓箭手 {0} 从不命中（p = 0）：脱靶是确定的，不提供任何信息（0 {1}）。</translation>
    </message>
    <message>
      <source>Archery, in {0}:</source>
      <translation>射箭（单位：{0}）：</translation>
    </message>
    <message>
      <source>Batch: logits and targets</source>
      <translation>批次：logits 与目标</translation>
    </message>
    <message>
      <source>Binary entropy H(p)</source>
      <translation>二元熵 H(p)</translation>
    </message>
    <message>
      <source>Binary entropy:  p = {p:.4g},  H = {h:.4g} {unit}</source>
      <translation>二元熵：  p = {p:.4g}，  H = {h:.4g} {unit}</translation>
    </message>
    <message>
      <source>Both predictions are equally far from the target.</source>
      <translation>两个预测与目标的距离相同。</translation>
    </message>
    <message>
      <source>Both results are equally hard to call ({0} {1} each).</source>
      <translation>两人的结果同样难以预料（各为 {0} {1}）。</translation>
    </message>
    <message>
      <source>Copied {0} code to the clipboard.</source>
      <translation>已将 {0} 代码复制到剪贴板。</translation>
    </message>
    <message>
      <source>Copy Keras code</source>
      <translation>复制 Keras 代码</translation>
    </message>
    <message>
      <source>Copy PyTorch code</source>
      <translation>复制 PyTorch 代码</translation>
    </message>
    <message>
      <source>Copy figure</source>
      <translation>复制图形</translation>
    </message>
    <message>
      <source>Cross-entropy, step by step</source>
      <translation>交叉熵，逐步计算</translation>
    </message>
    <message>
      <source>Cross-entropy:  class {k},  probability {p:.3g}</source>
      <translation>交叉熵：  类别 {k}，  概率 {p:.3g}</translation>
    </message>
    <message>
      <source>Cross-entropy: target and predictions</source>
      <translation>交叉熵：目标与预测</translation>
    </message>
    <message>
      <source>Every framework prints the same loss for this batch.</source>
      <translation>对这个批次，每个框架输出的损失都相同。</translation>
    </message>
    <message>
      <source>Every ŷ within {tol} of y:</source>
      <translation>每个 ŷ 与 y 相差不超过 {tol}：</translation>
    </message>
    <message>
      <source>Fit lab</source>
      <translation>拟合实验室</translation>
    </message>
    <message>
      <source>Frameworks</source>
      <translation>框架</translation>
    </message>
    <message>
      <source>Hart</source>
      <translation>哈特</translation>
    </message>
    <message>
      <source>Here q1 scores H(p, q1) = {0} {2} and q2 scores H(p, q2) = {1} {2}.</source>
      <translation>这里 q1 的得分为 H(p, q1) = {0} {2}，q2 的得分为 H(p, q2) = {1} {2}。</translation>
    </message>
    <message>
      <source>I(hit)</source>
      <translation>I(命中)</translation>
    </message>
    <message>
      <source>I(miss)</source>
      <translation>I(脱靶)</translation>
    </message>
    <message>
      <source>Information</source>
      <translation>信息</translation>
    </message>
    <message>
      <source>Likelihood → loss</source>
      <translation>似然 → 损失</translation>
    </message>
    <message>
      <source>Loss Curves</source>
      <translation>损失曲线</translation>
    </message>
    <message>
      <source>Loss against iteration</source>
      <translation>损失随迭代的变化</translation>
    </message>
    <message>
      <source>Loss curves</source>
      <translation>损失曲线</translation>
    </message>
    <message>
      <source>L′ {loss}</source>
      <translation>L′ {loss}</translation>
    </message>
    <message>
      <source>Neuron Training</source>
      <translation>神经元训练</translation>
    </message>
    <message>
      <source>Pipeline, row by row</source>
      <translation>计算流程（逐行）</translation>
    </message>
    <message>
      <source>Predictions and targets</source>
      <translation>预测与目标</translation>
    </message>
    <message>
      <source>Predictions and targets at iteration {k}</source>
      <translation>第 {k} 次迭代时的预测与目标</translation>
    </message>
    <message>
      <source>Probabilities per row</source>
      <translation>每行的概率</translation>
    </message>
    <message>
      <source>Probability of this class in {0}. The other classes are rescaled to share the rest in their old proportions, so the distribution still sums to 1.</source>
      <translation>该类别在 {0} 中的概率。其他类别按原有比例重新缩放以分享剩余部分，因此分布之和仍为 1。</translation>
    </message>
    <message>
      <source>Reduction</source>
      <translation>归约</translation>
    </message>
    <message>
      <source>Regression losses, step by step</source>
      <translation>回归损失，逐步计算</translation>
    </message>
    <message>
      <source>Remove class</source>
      <translation>删除类别</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>删除行</translation>
    </message>
    <message>
      <source>Reset parameters</source>
      <translation>重置参数</translation>
    </message>
    <message>
      <source>Risk lab</source>
      <translation>风险实验室</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Self-information −log p</source>
      <translation>自信息 −log p</translation>
    </message>
    <message>
      <source>Self-information:  p = {p:.4g},  −log p = {i:.4g} {unit}</source>
      <translation>自信息：  p = {p:.4g}，  −log p = {i:.4g} {unit}</translation>
    </message>
    <message>
      <source>Term by term, in {0}:</source>
      <translation>逐项计算（单位：{0}）：</translation>
    </message>
    <message>
      <source>Two-layer network</source>
      <translation>两层神经网络</translation>
    </message>
    <message>
      <source>W1 (inputs × hidden)</source>
      <translation>W1（输入 × 隐藏）</translation>
    </message>
    <message>
      <source>W2 (hidden × output)</source>
      <translation>W2（隐藏 × 输出）</translation>
    </message>
    <message>
      <source>Why the numbers differ here</source>
      <translation>为什么这里的数值不同</translation>
    </message>
    <message>
      <source>a hit</source>
      <translation>命中</translation>
    </message>
    <message>
      <source>a miss</source>
      <translation>脱靶</translation>
    </message>
    <message>
      <source>archer {0}</source>
      <translation>弓箭手 {0}</translation>
    </message>
    <message>
      <source>archer {0}: hit</source>
      <translation>弓箭手 {0}：命中</translation>
    </message>
    <message>
      <source>archer {0}: miss</source>
      <translation>弓箭手 {0}：脱靶</translation>
    </message>
    <message>
      <source>bits</source>
      <translation>比特</translation>
    </message>
    <message>
      <source>class</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>class {0}</source>
      <translation>类别 {0}</translation>
    </message>
    <message>
      <source>computed by</source>
      <translation>计算方式</translation>
    </message>
    <message>
      <source>controls</source>
      <translation>控件</translation>
    </message>
    <message>
      <source>figure</source>
      <translation>图形</translation>
    </message>
    <message>
      <source>hartleys</source>
      <translation>哈特莱</translation>
    </message>
    <message>
      <source>hidden unit</source>
      <translation>隐藏单元</translation>
    </message>
    <message>
      <source>hit probability p</source>
      <translation>命中概率 p</translation>
    </message>
    <message>
      <source>hits</source>
      <translation>命中</translation>
    </message>
    <message>
      <source>input</source>
      <translation>输入</translation>
    </message>
    <message>
      <source>input x</source>
      <translation>输入 x</translation>
    </message>
    <message>
      <source>iteration</source>
      <translation>迭代次数</translation>
    </message>
    <message>
      <source>loss</source>
      <translation>损失</translation>
    </message>
    <message>
      <source>loss / slope</source>
      <translation>损失 / 斜率</translation>
    </message>
    <message>
      <source>margin m = y·f(x)</source>
      <translation>间隔 m = y·f(x)</translation>
    </message>
    <message>
      <source>mean over the row</source>
      <translation>该行平均值</translation>
    </message>
    <message>
      <source>misses</source>
      <translation>脱靶</translation>
    </message>
    <message>
      <source>nats</source>
      <translation>奈特</translation>
    </message>
    <message>
      <source>number of rows that count</source>
      <translation>计入的行数</translation>
    </message>
    <message>
      <source>output</source>
      <translation>输出</translation>
    </message>
    <message>
      <source>p(hit)</source>
      <translation>p(命中)</translation>
    </message>
    <message>
      <source>prediction q1</source>
      <translation>预测 q1</translation>
    </message>
    <message>
      <source>prediction q2</source>
      <translation>预测 q2</translation>
    </message>
    <message>
      <source>prediction ŷ</source>
      <translation>预测 ŷ</translation>
    </message>
    <message>
      <source>probability</source>
      <translation>概率</translation>
    </message>
    <message>
      <source>probability p</source>
      <translation>概率 p</translation>
    </message>
    <message>
      <source>probe</source>
      <translation>探针</translation>
    </message>
    <message>
      <source>reduction = mean: {0} / {1} ({2}) = {3}</source>
      <translation>reduction = mean：{0} / {1}（{2}）= {3}</translation>
    </message>
    <message>
      <source>reduction = none: one loss per row, as listed.</source>
      <translation>reduction = none：每行一个损失，如上所列。</translation>
    </message>
    <message>
      <source>reduction = sum: Σ row losses = {0}</source>
      <translation>reduction = sum：Σ 各行损失 = {0}</translation>
    </message>
    <message>
      <source>residual r = y − f(x)</source>
      <translation>残差 r = y − f(x)</translation>
    </message>
    <message>
      <source>row</source>
      <translation>行</translation>
    </message>
    <message>
      <source>row loss</source>
      <translation>该行损失</translation>
    </message>
    <message>
      <source>sample</source>
      <translation>样本</translation>
    </message>
    <message>
      <source>target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>target p</source>
      <translation>目标 p</translation>
    </message>
    <message>
      <source>target y</source>
      <translation>目标 y</translation>
    </message>
    <message>
      <source>this row does not count.</source>
      <translation>该行不计入。</translation>
    </message>
    <message>
      <source>weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>{0} has the smaller cross-entropy: it is closer to the target. Both share the same H(p), so the whole difference is the divergence KL(p‖q).</source>
      <translation>{0} 的交叉熵更小：它更接近目标。两者的 H(p) 相同，所以全部差别都来自散度 KL(p‖q)。</translation>
    </message>
    <message>
      <source>{0}'s result is harder to call, so his entropy is higher ({1} {3}) than {2}'s ({4} {3}).</source>
      <translation>{0} 的结果更难预料，所以他的熵（{1} {3}）比 {2} 的（{4} {3}）更高。</translation>
    </message>
    <message>
      <source>Σ of the targets' weights</source>
      <translation>各目标类别权重之和 Σ</translation>
    </message>
    <message>
      <source>“{0}” is not a number; the cell was not changed.</source>
      <translation>“{0}”不是一个数；该单元格未被修改。</translation>
    </message>
  </context>
  <context>
    <name>params</name>
    <message>
      <source>Allowed: {allowed}</source>
      <translation>允许的值：{allowed}</translation>
    </message>
    <message>
      <source>Archer A hits</source>
      <translation>弓箭手 A 命中率</translation>
    </message>
    <message>
      <source>Archer B hits</source>
      <translation>弓箭手 B 命中率</translation>
    </message>
    <message>
      <source>Binary targets</source>
      <translation>二元目标</translation>
    </message>
    <message>
      <source>Class weights</source>
      <translation>类别权重</translation>
    </message>
    <message>
      <source>Classes</source>
      <translation>类别数</translation>
    </message>
    <message>
      <source>Cross-entropy η</source>
      <translation>交叉熵 η</translation>
    </message>
    <message>
      <source>Degree d</source>
      <translation>次数 d</translation>
    </message>
    <message>
      <source>Epochs</source>
      <translation>轮数</translation>
    </message>
    <message>
      <source>Explain</source>
      <translation>讲解</translation>
    </message>
    <message>
      <source>Frame</source>
      <translation>帧</translation>
    </message>
    <message>
      <source>From logits</source>
      <translation>输入为 logits</translation>
    </message>
    <message>
      <source>Hidden units</source>
      <translation>隐藏单元数</translation>
    </message>
    <message>
      <source>Huber δ</source>
      <translation>Huber δ</translation>
    </message>
    <message>
      <source>Ignore index</source>
      <translation>忽略索引</translation>
    </message>
    <message>
      <source>Input x</source>
      <translation>输入 x</translation>
    </message>
    <message>
      <source>Intercept b</source>
      <translation>截距 b</translation>
    </message>
    <message>
      <source>Iterations</source>
      <translation>迭代次数</translation>
    </message>
    <message>
      <source>Label smoothing</source>
      <translation>标签平滑</translation>
    </message>
    <message>
      <source>Learning rate η</source>
      <translation>学习率 η</translation>
    </message>
    <message>
      <source>Logistic base</source>
      <translation>逻辑斯谛损失的底数</translation>
    </message>
    <message>
      <source>Logits</source>
      <translation>Logits</translation>
    </message>
    <message>
      <source>Loss</source>
      <translation>损失</translation>
    </message>
    <message>
      <source>Losses</source>
      <translation>损失函数</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>模式</translation>
    </message>
    <message>
      <source>New point class</source>
      <translation>新点的类别</translation>
    </message>
    <message>
      <source>Noise</source>
      <translation>噪声</translation>
    </message>
    <message>
      <source>Noise model</source>
      <translation>噪声模型</translation>
    </message>
    <message>
      <source>Noise scale</source>
      <translation>噪声尺度</translation>
    </message>
    <message>
      <source>Noise σ</source>
      <translation>噪声 σ</translation>
    </message>
    <message>
      <source>Own model</source>
      <translation>自定义模型</translation>
    </message>
    <message>
      <source>Penalty</source>
      <translation>惩罚项</translation>
    </message>
    <message>
      <source>Penalty λ</source>
      <translation>惩罚权重 λ</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>数据点</translation>
    </message>
    <message>
      <source>Prediction q1</source>
      <translation>预测 q1</translation>
    </message>
    <message>
      <source>Prediction q2</source>
      <translation>预测 q2</translation>
    </message>
    <message>
      <source>Predictions</source>
      <translation>预测</translation>
    </message>
    <message>
      <source>Probe at</source>
      <translation>探针位置</translation>
    </message>
    <message>
      <source>Quantile τ</source>
      <translation>分位数 τ</translation>
    </message>
    <message>
      <source>Reduction</source>
      <translation>归约方式</translation>
    </message>
    <message>
      <source>Resamples</source>
      <translation>重新抽样次数</translation>
    </message>
    <message>
      <source>SVR ε</source>
      <translation>SVR ε</translation>
    </message>
    <message>
      <source>Same η for both costs</source>
      <translation>两种代价使用相同的 η</translation>
    </message>
    <message>
      <source>Sample size n</source>
      <translation>样本量 n</translation>
    </message>
    <message>
      <source>Seed</source>
      <translation>随机种子</translation>
    </message>
    <message>
      <source>Show derivatives</source>
      <translation>显示导数</translation>
    </message>
    <message>
      <source>Show pulls</source>
      <translation>显示拉力</translation>
    </message>
    <message>
      <source>Slope w</source>
      <translation>斜率 w</translation>
    </message>
    <message>
      <source>Smooth L1 β</source>
      <translation>Smooth L1 β</translation>
    </message>
    <message>
      <source>SmoothL1Loss(beta) = HuberLoss(delta=beta) / beta; beta = 0 is plain L1</source>
      <translation>SmoothL1Loss(beta) = HuberLoss(delta=beta) / beta；beta = 0 时就是普通的 L1</translation>
    </message>
    <message>
      <source>Speed</source>
      <translation>速度</translation>
    </message>
    <message>
      <source>Start bias b₀</source>
      <translation>初始偏置 b₀</translation>
    </message>
    <message>
      <source>Start weight w₀</source>
      <translation>初始权重 w₀</translation>
    </message>
    <message>
      <source>Subtract row max</source>
      <translation>减去行最大值</translation>
    </message>
    <message>
      <source>Target p</source>
      <translation>目标 p</translation>
    </message>
    <message>
      <source>Target y</source>
      <translation>目标 y</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <source>True function</source>
      <translation>真实函数</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>a comma-separated list of {choices}</source>
      <translation>由 {choices} 组成的逗号分隔列表</translation>
    </message>
    <message>
      <source>a number {range}</source>
      <translation>一个数 {range}</translation>
    </message>
    <message>
      <source>a polynomial of your own, lowest power first (e.g. 0,1 is y = x); empty: the fitted polynomial</source>
      <translation>自己给定的多项式，系数按从低次到高次排列（例如 0,1 即 y = x）；留空：使用拟合得到的多项式</translation>
    </message>
    <message>
      <source>a whole number {range}</source>
      <translation>一个整数 {range}</translation>
    </message>
    <message>
      <source>at least {low}</source>
      <translation>至少为 {low}</translation>
    </message>
    <message>
      <source>at most {high}</source>
      <translation>至多为 {high}</translation>
    </message>
    <message>
      <source>base of the logarithm in the logistic loss; base 2 bounds the 0-1 loss</source>
      <translation>逻辑斯谛损失中对数的底数；以 2 为底时它是 0-1 损失的上界</translation>
    </message>
    <message>
      <source>base of the logarithm: 2 (bits), e (nats) or 10 (hartleys)</source>
      <translation>对数的底数：2（比特）、e（奈特）或 10（哈特莱）</translation>
    </message>
    <message>
      <source>binary (sigmoid per cell)</source>
      <translation>二元（每个单元一个 sigmoid）</translation>
    </message>
    <message>
      <source>binary mode: a label in [0, 1] for every cell of the table</source>
      <translation>二元模式：表中每个单元一个 [0, 1] 内的标签</translation>
    </message>
    <message>
      <source>bits (log base 2)</source>
      <translation>比特（以 2 为底）</translation>
    </message>
    <message>
      <source>categorical (softmax)</source>
      <translation>多类别（softmax）</translation>
    </message>
    <message>
      <source>categorical: one softmax over the classes of each row; binary: an independent sigmoid per cell</source>
      <translation>categorical：每行在各类别上做一次 softmax；binary：每个单元一个独立的 sigmoid</translation>
    </message>
    <message>
      <source>classification (margin)</source>
      <translation>分类（间隔）</translation>
    </message>
    <message>
      <source>compute softmax as e^(z − max) / Σ e^(z − max), which cannot overflow; turn off to see e^z overflow for large logits</source>
      <translation>按 e^(z − max) / Σ e^(z − max) 计算 softmax，不会溢出；关闭后可以看到 logits 较大时 e^z 溢出</translation>
    </message>
    <message>
      <source>degree of the fitted polynomial</source>
      <translation>拟合多项式的次数</translation>
    </message>
    <message>
      <source>draw each point's pull −L′ on every fit</source>
      <translation>画出每个点对每条拟合线的拉力 −L′</translation>
    </message>
    <message>
      <source>frames/s</source>
      <translation>帧/秒</translation>
    </message>
    <message>
      <source>from {low} to {high}</source>
      <translation>从 {low} 到 {high}</translation>
    </message>
    <message>
      <source>gaussian: N(0, σ²); laplace: Laplace with standard deviation σ (scale σ/√2)</source>
      <translation>gaussian：N(0, σ²)；laplace：标准差为 σ 的拉普拉斯分布（尺度参数为 σ/√2）</translation>
    </message>
    <message>
      <source>gaussian: y = w·x + b + N(0, σ²); laplace: Laplace noise of scale s; bernoulli: label 1 with probability σ(w·x + b)</source>
      <translation>gaussian：y = w·x + b + N(0, σ²)；laplace：尺度为 s 的拉普拉斯噪声；bernoulli：标签以概率 σ(w·x + b) 取 1</translation>
    </message>
    <message>
      <source>gradient-descent step size of the quadratic run (and of both runs while same_eta is on)</source>
      <translation>二次代价那次训练的梯度下降步长（same_eta 打开时两次训练都用它）</translation>
    </message>
    <message>
      <source>half-width of the ε-insensitive tube</source>
      <translation>ε-不敏感管道的半宽</translation>
    </message>
    <message>
      <source>hartleys (log base 10)</source>
      <translation>哈特莱（以 10 为底）</translation>
    </message>
    <message>
      <source>how many frames (epochs) play per second</source>
      <translation>每秒播放多少帧（轮次）</translation>
    </message>
    <message>
      <source>how many independent samples of each size the spread of the empirical risk uses</source>
      <translation>估计经验风险的离散程度时，每种样本量所用的独立样本个数</translation>
    </message>
    <message>
      <source>intercept of the line f(x) = w·x + b (with bernoulli: of the logit)</source>
      <translation>直线 f(x) = w·x + b 的截距（bernoulli 时为 logit 的截距）</translation>
    </message>
    <message>
      <source>learning rate of the cross-entropy run; equals eta while same_eta is on</source>
      <translation>交叉熵那次训练的学习率；same_eta 打开时等于 eta</translation>
    </message>
    <message>
      <source>left end of the plotted range</source>
      <translation>绘图范围的左端</translation>
    </message>
    <message>
      <source>line: f(x) = 2x; sine: f(x) = sin(πx)</source>
      <translation>line：f(x) = 2x；sine：f(x) = sin(πx)</translation>
    </message>
    <message>
      <source>margin: classification losses of m = y·f(x); residual: regression losses of r = y − f(x)</source>
      <translation>margin：以 m = y·f(x) 为自变量的分类损失；residual：以 r = y − f(x) 为自变量的回归损失</translation>
    </message>
    <message>
      <source>mixes the one-hot target with the uniform distribution: (1 − ε)·onehot + ε/C</source>
      <translation>把独热目标与均匀分布混合：(1 − ε)·onehot + ε/C</translation>
    </message>
    <message>
      <source>nats (log base e)</source>
      <translation>奈特（以 e 为底）</translation>
    </message>
    <message>
      <source>none: one loss per row; mean: weighted average; sum: total</source>
      <translation>none：每行一个损失；mean：加权平均；sum：总和</translation>
    </message>
    <message>
      <source>none: the unreduced losses; mean: the average (Keras: sum_over_batch_size); sum: the total</source>
      <translation>none：不归约，给出各个损失；mean：平均值（Keras 中为 sum_over_batch_size）；sum：总和</translation>
    </message>
    <message>
      <source>number of classes of the target and both predictions (follows their length)</source>
      <translation>目标和两个预测的类别数（随它们的长度而定）</translation>
    </message>
    <message>
      <source>number of full-batch gradient-descent updates</source>
      <translation>全批量梯度下降的更新次数</translation>
    </message>
    <message>
      <source>number of gradient-descent updates (one per epoch)</source>
      <translation>梯度下降的更新次数（每轮一次）</translation>
    </message>
    <message>
      <source>number of points in the training sample</source>
      <translation>训练样本中数据点的个数</translation>
    </message>
    <message>
      <source>number of sigmoid units in the hidden layer</source>
      <translation>隐藏层中 sigmoid 单元的个数</translation>
    </message>
    <message>
      <source>on: the table holds logits; off: it holds probabilities</source>
      <translation>打开：表中是 logits；关闭：表中是概率</translation>
    </message>
    <message>
      <source>one of {choices}</source>
      <translation>{choices} 之一</translation>
    </message>
    <message>
      <source>one weight per class (empty: no weights), as CrossEntropyLoss(weight=...)</source>
      <translation>每个类别一个权重（留空：不加权），同 CrossEntropyLoss(weight=...)</translation>
    </message>
    <message>
      <source>overlay the derivative (subgradient at kinks) of each visible loss</source>
      <translation>叠加显示每个可见损失的导数（在折点处为次梯度）</translation>
    </message>
    <message>
      <source>probability that archer A hits the target</source>
      <translation>弓箭手 A 射中靶子的概率</translation>
    </message>
    <message>
      <source>probability that archer B hits the target</source>
      <translation>弓箭手 B 射中靶子的概率</translation>
    </message>
    <message>
      <source>random seed of the uniform [0, 1) initial weights</source>
      <translation>[0, 1) 均匀分布初始权重的随机种子</translation>
    </message>
    <message>
      <source>regression (residual)</source>
      <translation>回归（残差）</translation>
    </message>
    <message>
      <source>regression: lines y = w·x + b through (x, y) points; classification: decision lines w·x + b = 0 between points labelled ±1</source>
      <translation>regression（回归）：穿过 (x, y) 数据点的直线 y = w·x + b；classification（分类）：位于标签为 ±1 的点之间的决策线 w·x + b = 0</translation>
    </message>
    <message>
      <source>regulariser added to the empirical risk: none, λΣ|a_k| (l1) or λΣa_k² (l2), over every coefficient but the constant</source>
      <translation>加到经验风险上的正则项：none（无）、λΣ|a_k|（l1）或 λΣa_k²（l2），作用于除常数项以外的所有系数</translation>
    </message>
    <message>
      <source>right end of the plotted range</source>
      <translation>绘图范围的右端</translation>
    </message>
    <message>
      <source>rows whose target equals this value do not count (PyTorch's ignore_index)</source>
      <translation>目标等于该值的行不计入（即 PyTorch 的 ignore_index）</translation>
    </message>
    <message>
      <source>slope of the line f(x) = w·x + b (with bernoulli: of the logit)</source>
      <translation>直线 f(x) = w·x + b 的斜率（bernoulli 时为 logit 的斜率）</translation>
    </message>
    <message>
      <source>sse: sum of squared errors; cross_entropy: binary cross-entropy (nats)</source>
      <translation>sse：误差平方和；cross_entropy：二元交叉熵（奈特）</translation>
    </message>
    <message>
      <source>standard deviation of the noise added to f(x)</source>
      <translation>加到 f(x) 上的噪声的标准差</translation>
    </message>
    <message>
      <source>step size of gradient descent: each update subtracts η times the gradient</source>
      <translation>梯度下降的步长：每次更新减去 η 乘以梯度</translation>
    </message>
    <message>
      <source>structural risk λ·P(w): none, l1 = λ‖w‖₁, l2 = λ‖w‖₂² (b is not penalised)</source>
      <translation>结构风险 λ·P(w)：none（无）、l1 = λ‖w‖₁、l2 = λ‖w‖₂²（b 不受惩罚）</translation>
    </message>
    <message>
      <source>the batch: one row per example, one column per class (probabilities when from_logits is off)</source>
      <translation>批次：每个样本一行，每个类别一列（from_logits 关闭时为概率）</translation>
    </message>
    <message>
      <source>the bias b before training</source>
      <translation>训练前的偏置 b</translation>
    </message>
    <message>
      <source>the data: rows 'x,y' (regression) or 'x1,x2,label' with label ±1 (classification), separated by ';'</source>
      <translation>数据：每行为 'x,y'（回归）或 'x1,x2,label'，其中 label 为 ±1（分类），行间用 ';' 分隔</translation>
    </message>
    <message>
      <source>the dataset, one row x,y per point (with bernoulli: x,label with label 0 or 1)</source>
      <translation>数据集，每个点一行 x,y（bernoulli 时为 x,label，label 取 0 或 1）</translation>
    </message>
    <message>
      <source>the first predicted distribution (normalised to sum to 1)</source>
      <translation>第一个预测分布（归一化使和为 1）</translation>
    </message>
    <message>
      <source>the label a point added by clicking gets (classification)</source>
      <translation>点击添加的点所得到的标签（分类）</translation>
    </message>
    <message>
      <source>the loss whose average is the risk: squared r², absolute |r| or Huber</source>
      <translation>取平均后即为风险的损失：平方 r²、绝对值 |r| 或 Huber</translation>
    </message>
    <message>
      <source>the loss whose formula and explanation are shown</source>
      <translation>要显示公式和讲解的损失函数</translation>
    </message>
    <message>
      <source>the model's outputs: one row per sample, one column per output</source>
      <translation>模型的输出：每个样本一行，每个输出一列</translation>
    </message>
    <message>
      <source>the output the neuron should learn to give for x</source>
      <translation>神经元对 x 应当学会给出的输出</translation>
    </message>
    <message>
      <source>the second predicted distribution (normalised to sum to 1)</source>
      <translation>第二个预测分布（归一化使和为 1）</translation>
    </message>
    <message>
      <source>the single training input</source>
      <translation>唯一的训练输入</translation>
    </message>
    <message>
      <source>the target class index of each row (or ignore_index to leave the row out)</source>
      <translation>每行的目标类别索引（或用 ignore_index 排除该行）</translation>
    </message>
    <message>
      <source>the true distribution over the classes (normalised to sum to 1)</source>
      <translation>各类别上的真实分布（归一化使和为 1）</translation>
    </message>
    <message>
      <source>the true values, the same shape as predictions</source>
      <translation>真实值，形状与预测相同</translation>
    </message>
    <message>
      <source>the weight w before training</source>
      <translation>训练前的权重 w</translation>
    </message>
    <message>
      <source>train both costs with the same learning rate (the fair comparison)</source>
      <translation>两种代价使用相同的学习率训练（公平的比较）</translation>
    </message>
    <message>
      <source>true or false</source>
      <translation>true 或 false</translation>
    </message>
    <message>
      <source>weight of the penalty</source>
      <translation>惩罚项的权重</translation>
    </message>
    <message>
      <source>weight λ ≥ 0 of the penalty</source>
      <translation>惩罚项的权重 λ ≥ 0</translation>
    </message>
    <message>
      <source>where Huber switches from ½r² to the straight line δ(|r| − ½δ)</source>
      <translation>Huber 损失从 ½r² 切换为直线 δ(|r| − ½δ) 的位置</translation>
    </message>
    <message>
      <source>where the Huber loss turns from quadratic to linear</source>
      <translation>Huber 损失从二次变为线性的位置</translation>
    </message>
    <message>
      <source>where the read-out line samples every visible loss</source>
      <translation>读数线对每个可见损失取值的位置</translation>
    </message>
    <message>
      <source>which frame (epoch) of the run is shown</source>
      <translation>显示训练过程中的哪一帧（轮次）</translation>
    </message>
    <message>
      <source>which losses are drawn (only those of the current mode are visible)</source>
      <translation>要绘制哪些损失（只有当前模式下的损失可见）</translation>
    </message>
    <message>
      <source>which losses are fitted (only those of the current task are used)</source>
      <translation>要拟合哪些损失（只使用属于当前任务的损失）</translation>
    </message>
    <message>
      <source>which quantile the pinball loss aims at</source>
      <translation>弹球损失所瞄准的分位数</translation>
    </message>
    <message>
      <source>which random sample is drawn (Resample picks the next seed)</source>
      <translation>抽取哪一个随机样本（“重新抽样”会选用下一个随机种子）</translation>
    </message>
    <message>
      <source>x from</source>
      <translation>x 起点</translation>
    </message>
    <message>
      <source>x to</source>
      <translation>x 终点</translation>
    </message>
    <message>
      <source>{count} comma-separated numbers, each {range}</source>
      <translation>{count} 个逗号分隔的数，每个都{range}</translation>
    </message>
    <message>
      <source>{count} comma-separated whole numbers, each {range}</source>
      <translation>{count} 个逗号分隔的整数，每个都{range}</translation>
    </message>
    <message>
      <source>{count} rows separated by ';' of {low} to {high} comma-separated numbers each, all rows the same length</source>
      <translation>{count} 行，行间用 ';' 分隔，每行 {low} 到 {high} 个逗号分隔的数，所有行长度相同</translation>
    </message>
    <message>
      <source>{low} to {high}</source>
      <translation>{low} 到 {high}</translation>
    </message>
    <message>
      <source>{text} is out of range; allowed: {allowed}</source>
      <translation>{text} 超出范围；允许的值：{allowed}</translation>
    </message>
    <message>
      <source>λ</source>
      <translation>λ</translation>
    </message>
    <message>
      <source>σ of the Gaussian noise or s of the Laplace noise (unused by bernoulli)</source>
      <translation>高斯噪声的 σ 或拉普拉斯噪声的 s（bernoulli 不使用）</translation>
    </message>
    <message>
      <source>“{text}” is not a number; allowed: {allowed}</source>
      <translation>“{text}”不是一个数；允许的值：{allowed}</translation>
    </message>
  </context>
  <context>
    <name>playback</name>
    <message>
      <source>Back to the start (Home)</source>
      <translation>回到开头（Home）</translation>
    </message>
    <message>
      <source>Drag to show any frame of the run</source>
      <translation>拖动以显示训练过程中的任意一帧</translation>
    </message>
    <message>
      <source>One frame back (Left arrow)</source>
      <translation>后退一帧（左方向键）</translation>
    </message>
    <message>
      <source>One frame forward (Right arrow)</source>
      <translation>前进一帧（右方向键）</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>暂停</translation>
    </message>
    <message>
      <source>Play</source>
      <translation>播放</translation>
    </message>
    <message>
      <source>Play / pause (Space)</source>
      <translation>播放/暂停（空格键）</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>重置</translation>
    </message>
    <message>
      <source>Speed</source>
      <translation>速度</translation>
    </message>
    <message>
      <source>Step back</source>
      <translation>后退一步</translation>
    </message>
    <message>
      <source>Step forward</source>
      <translation>前进一步</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>时间轴</translation>
    </message>
    <message>
      <source>frame</source>
      <translation>帧</translation>
    </message>
    <message>
      <source>iteration</source>
      <translation>迭代</translation>
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
      <translation>1. 逐元素损失：{0}</translation>
    </message>
    <message>
      <source>2. mean over the {0} outputs of each sample: {1}</source>
      <translation>2. 对每个样本的 {0} 个输出取平均：{1}</translation>
    </message>
    <message>
      <source>2. reduction=none: the element losses above</source>
      <translation>2. reduction=none：即上面的逐元素损失</translation>
    </message>
    <message>
      <source>2. sum of all elements / {0} = {1}</source>
      <translation>2. 所有元素之和 / {0} = {1}</translation>
    </message>
    <message>
      <source>2. sum of all {0} elements = {1}</source>
      <translation>2. 全部 {0} 个元素之和 = {1}</translation>
    </message>
    <message>
      <source>3. reduction=None: the per-sample losses above</source>
      <translation>3. reduction=None：即上面的逐样本损失</translation>
    </message>
    <message>
      <source>3. sum over the samples / {0} = {1}</source>
      <translation>3. 对各样本求和 / {0} = {1}</translation>
    </message>
    <message>
      <source>3. sum over the {0} samples = {1}</source>
      <translation>3. 对 {0} 个样本求和 = {1}</translation>
    </message>
    <message>
      <source>&lt;h3&gt;From residuals to one number&lt;/h3&gt;&lt;p&gt;Each element's residual r = prediction − target becomes an element loss: r² (MSE), |r| (L1, MAE), Huber ½r² near zero and straight beyond δ, Smooth L1 (Huber divided by β) or ln cosh r (close to ½r² near zero, to |r| − ln 2 far away). Then the frameworks reduce: PyTorch over all elements at once, Keras first over the outputs of each sample (the mean over the last axis), then over the samples.&lt;/p&gt;&lt;p&gt;Drag a prediction bar, or type into the table, and watch every number follow. The lower chart shows how much of the batch loss each sample carries: squaring lets one far-off sample dominate.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;从残差到一个数&lt;/h3&gt;&lt;p&gt;每个元素的残差 r = 预测 − 目标 变成一个逐元素损失：r²（MSE）、|r|（L1，MAE）、Huber（零附近为 ½r²，超过 δ 后为直线）、Smooth L1（Huber 除以 β）或 ln cosh r（零附近接近 ½r²，远处接近 |r| − ln 2）。然后各框架进行归约：PyTorch 一次性对所有元素归约；Keras 先对每个样本的各个输出归约（沿最后一个轴取平均），再对各样本归约。&lt;/p&gt;&lt;p&gt;拖动一根预测柱，或在表格中输入数值，看每个数字如何随之变化。下方的图显示每个样本在批次损失中所占的份额：平方会让一个偏离很远的样本占据主导。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Add output</source>
      <translation>添加输出</translation>
    </message>
    <message>
      <source>Batch: predictions and targets</source>
      <translation>批次：预测与目标</translation>
    </message>
    <message>
      <source>Each sample's share of the batch loss</source>
      <translation>每个样本在批次损失中所占的份额</translation>
    </message>
    <message>
      <source>Elements</source>
      <translation>逐元素</translation>
    </message>
    <message>
      <source>Every prediction equals its target: every loss is 0.</source>
      <translation>每个预测都等于其目标：所有损失都为 0。</translation>
    </message>
    <message>
      <source>Huber</source>
      <translation>Huber 损失</translation>
    </message>
    <message>
      <source>Huber's quadratic zone is ½r², not r²: inside |r| ≤ δ it is exactly half the squared error, so it never lies on the r² curve. The ½ makes its slope r meet the slope ±δ of the linear part at |r| = δ, so the loss has no kink there.</source>
      <translation>Huber 损失的二次区段是 ½r²，而不是 r²：在 |r| ≤ δ 内它恰好是平方误差的一半，所以它不会落在 r² 曲线上。这个 ½ 使它的斜率 r 在 |r| = δ 处与线性部分的斜率 ±δ 相接，所以损失在那里没有折点。</translation>
    </message>
    <message>
      <source>L1Loss and MeanAbsoluteError use the same |r|: they differ only in the reduction.</source>
      <translation>L1Loss 和 MeanAbsoluteError 使用相同的 |r|：两者只在归约方式上不同。</translation>
    </message>
    <message>
      <source>LogCosh exists only in Keras; PyTorch has no built-in, so the PyTorch code writes it by hand as |r| + log1p(e^(−2|r|)) − ln 2 (torch.log(torch.cosh(r)) overflows once |r| passes about 710 in float64, 89 in float32).</source>
      <translation>LogCosh 只有 Keras 提供；PyTorch 没有内置版本，所以 PyTorch 代码把它手工写成 |r| + log1p(e^(−2|r|)) − ln 2（torch.log(torch.cosh(r)) 在 |r| 超过约 710（float64）或 89（float32）时就会溢出）。</translation>
    </message>
    <message>
      <source>Predictions (bars) and targets (rings)</source>
      <translation>预测（柱）与目标（圆环）</translation>
    </message>
    <message>
      <source>Regression:  sample {sample},  share {share:.3g} %</source>
      <translation>回归：  样本 {sample}，  份额 {share:.3g} %</translation>
    </message>
    <message>
      <source>Regression:  sample {sample},  value {value:.4g}</source>
      <translation>回归：  样本 {sample}，  数值 {value:.4g}</translation>
    </message>
    <message>
      <source>Remove output</source>
      <translation>删除输出</translation>
    </message>
    <message>
      <source>Residuals r = p − t, one row per sample:</source>
      <translation>残差 r = p − t，每个样本一行：</translation>
    </message>
    <message>
      <source>Sample {sample} carries {sq:.0%} of the squared loss but {ab:.0%} of the absolute loss: squaring lets one large residual dominate the batch.</source>
      <translation>样本 {sample} 占平方损失的 {sq:.0%}，却只占绝对值损失的 {ab:.0%}：平方会让一个大残差主导整个批次。</translation>
    </message>
    <message>
      <source>Smooth L1</source>
      <translation>Smooth L1 损失</translation>
    </message>
    <message>
      <source>SmoothL1Loss with beta = 0 is plain L1Loss (PyTorch switches to it), so here it equals L1Loss.</source>
      <translation>beta = 0 的 SmoothL1Loss 就是普通的 L1Loss（PyTorch 会切换到它），所以这里它等于 L1Loss。</translation>
    </message>
    <message>
      <source>SmoothL1Loss(beta={beta:g}) = HuberLoss(delta={beta:g}) / {beta:g}: the same shape, rescaled so that its straight part has slope 1 like L1. It equals HuberLoss only at beta = delta = 1.</source>
      <translation>SmoothL1Loss(beta={beta:g}) = HuberLoss(delta={beta:g}) / {beta:g}：形状相同，只是经过缩放，使其直线部分像 L1 一样斜率为 1。只有在 beta = delta = 1 时它才等于 HuberLoss。</translation>
    </message>
    <message>
      <source>Step by step</source>
      <translation>逐步计算</translation>
    </message>
    <message>
      <source>Where the frameworks differ, and why</source>
      <translation>各框架的不同之处及其原因</translation>
    </message>
    <message>
      <source>ln cosh r</source>
      <translation>ln cosh r</translation>
    </message>
    <message>
      <source>mean of each row: {0}</source>
      <translation>每行的平均值：{0}</translation>
    </message>
    <message>
      <source>output</source>
      <translation>输出</translation>
    </message>
    <message>
      <source>per sample</source>
      <translation>每个样本</translation>
    </message>
    <message>
      <source>prediction (drag me)</source>
      <translation>预测（可拖动）</translation>
    </message>
    <message>
      <source>reduction=mean: PyTorch divides the sum of all elements by N·C = {elements}; Keras averages each sample's outputs and then divides by N = {n}. With equally long rows both are the mean of all elements, so the numbers agree (MSE: {torch_mean:g}).</source>
      <translation>reduction=mean：PyTorch 把所有元素之和除以 N·C = {elements}；Keras 先对每个样本的各个输出取平均，再除以 N = {n}。各行长度相同时，两者都是所有元素的平均值，所以数值一致（MSE：{torch_mean:g}）。</translation>
    </message>
    <message>
      <source>reduction=none: PyTorch returns one loss per element ({n}×{c}, shaped like the input); Keras one per sample ({n} values, each the mean of the sample's outputs).</source>
      <translation>reduction=none：PyTorch 每个元素返回一个损失（{n}×{c}，形状与输入相同）；Keras 每个样本返回一个（共 {n} 个值，每个是该样本各个输出的平均值）。</translation>
    </message>
    <message>
      <source>reduction=sum with one output per sample: averaging over the last axis changes nothing, so PyTorch and Keras add the same numbers.</source>
      <translation>reduction=sum 且每个样本只有一个输出：沿最后一个轴取平均不改变任何值，所以 PyTorch 和 Keras 相加的是相同的数。</translation>
    </message>
    <message>
      <source>reduction=sum: PyTorch adds all {elements} element losses; Keras first averages the {c} outputs of each sample and then adds the {n} samples, so PyTorch's sum is {c} times Keras' (MSE: {torch_sum:g} vs {keras_sum:g}).</source>
      <translation>reduction=sum：PyTorch 把全部 {elements} 个逐元素损失相加；Keras 先对每个样本的 {c} 个输出取平均，再把 {n} 个样本相加，所以 PyTorch 的和是 Keras 的 {c} 倍（MSE：{torch_sum:g} 对 {keras_sum:g}）。</translation>
    </message>
    <message>
      <source>residual r = p − t</source>
      <translation>残差 r = p − t</translation>
    </message>
    <message>
      <source>result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>r² (MSE)</source>
      <translation>r² (MSE)</translation>
    </message>
    <message>
      <source>share (%)</source>
      <translation>份额 (%)</translation>
    </message>
    <message>
      <source>value</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>|r| (L1, MAE)</source>
      <translation>|r| (L1, MAE)</translation>
    </message>
    <message>
      <source>— (no per-sample step)</source>
      <translation>—（没有逐样本步骤）</translation>
    </message>
  </context>
  <context>
    <name>risk</name>
    <message>
      <source>A common shorthand says "expected risk = empirical risk + structural risk". That is not an identity. Structural risk minimisation minimises empirical risk + a penalty as a stand-in for the expected risk, which cannot be computed when the distribution is unknown. The shorthand is tempting because the penalty does play the role of the missing gap between the two risks.</source>
      <translation>一种常见的简化说法是“期望风险 = 经验风险 + 结构风险”。这并不是恒等式。结构风险最小化最小化的是“经验风险 + 惩罚项”，用它来代替期望风险——分布未知时，期望风险无法计算。这种说法之所以诱人，是因为惩罚项确实扮演了两种风险之间那段缺失差距的角色。</translation>
    </message>
    <message>
      <source>Draw a new sample (the next seed)</source>
      <translation>抽取一个新样本（使用下一个随机种子）</translation>
    </message>
    <message>
      <source>Empirical risk of this fixed model</source>
      <translation>这个固定模型的经验风险</translation>
    </message>
    <message>
      <source>Expected risk and empirical risk</source>
      <translation>期望风险与经验风险</translation>
    </message>
    <message>
      <source>Gaussian</source>
      <translation>高斯</translation>
    </message>
    <message>
      <source>Huber</source>
      <translation>Huber 损失</translation>
    </message>
    <message>
      <source>L1: λΣ|a_k|</source>
      <translation>L1：λΣ|a_k|</translation>
    </message>
    <message>
      <source>L2: λΣa_k²</source>
      <translation>L2：λΣa_k²</translation>
    </message>
    <message>
      <source>Laplace</source>
      <translation>拉普拉斯</translation>
    </message>
    <message>
      <source>Law of large numbers: for a model fixed in advance, the empirical risk on n fresh points scatters around the expected risk with a spread that shrinks like 1/√n (bottom left). On the sample the model was fitted to, the training risk is biased low: the fit has already adapted to that sample's noise.</source>
      <translation>大数定律：对于一个事先固定的模型，它在 n 个新数据点上的经验风险围绕期望风险波动，波动幅度按 1/√n 缩小（左下图）。在用来拟合模型的那个样本上，训练风险是偏低的：拟合已经适应了该样本中的噪声。</translation>
    </message>
    <message>
      <source>Overfitting: a higher degree always lowers the training risk, but past some degree the expected risk rises again (top right). A penalty λ·P(a) trades fit against simplicity.</source>
      <translation>过拟合：提高次数总会降低训练风险，但超过某个次数后，期望风险又会回升（右上图）。惩罚项 λ·P(a) 在拟合程度与模型简单性之间进行权衡。</translation>
    </message>
    <message>
      <source>Resample</source>
      <translation>重新抽样</translation>
    </message>
    <message>
      <source>Risk against the degree</source>
      <translation>风险随次数的变化</translation>
    </message>
    <message>
      <source>Risk against the slope a₁</source>
      <translation>风险随斜率 a₁ 的变化</translation>
    </message>
    <message>
      <source>Risk against λ (L1 penalty)</source>
      <translation>风险随 λ 的变化（L1 惩罚）</translation>
    </message>
    <message>
      <source>Risk against λ (L2 penalty)</source>
      <translation>风险随 λ 的变化（L2 惩罚）</translation>
    </message>
    <message>
      <source>Risk against λ (no penalty chosen: what L2 would do)</source>
      <translation>风险随 λ 的变化（未选惩罚：L2 惩罚的效果）</translation>
    </message>
    <message>
      <source>Sample, true f and model</source>
      <translation>样本、真实函数 f 与模型</translation>
    </message>
    <message>
      <source>The expected risk of a model is its average loss over the whole data distribution: what it will cost on new data. Here the distribution is known, so it is computed exactly. The empirical (training) risk is the average loss over the sample you have.</source>
      <translation>模型的期望风险是它在整个数据分布上的平均损失，也就是它在新数据上将要付出的代价。这里分布是已知的，所以可以精确计算。经验（训练）风险是在你手头这个样本上的平均损失。</translation>
    </message>
    <message>
      <source>absolute |r|</source>
      <translation>绝对值 |r|</translation>
    </message>
    <message>
      <source>computing…</source>
      <translation>计算中…</translation>
    </message>
    <message>
      <source>degree d</source>
      <translation>次数 d</translation>
    </message>
    <message>
      <source>empirical risk, 5 samples of size n</source>
      <translation>经验风险，5 个样本量为 n 的样本</translation>
    </message>
    <message>
      <source>expected risk</source>
      <translation>期望风险</translation>
    </message>
    <message>
      <source>expected risk (mean loss on the distribution)</source>
      <translation>期望风险（在分布上的平均损失）</translation>
    </message>
    <message>
      <source>fitted polynomial of degree {d}</source>
      <translation>拟合的 {d} 次多项式</translation>
    </message>
    <message>
      <source>gap: expected − training</source>
      <translation>差距：期望 − 训练</translation>
    </message>
    <message>
      <source>line f(x) = 2x</source>
      <translation>直线 f(x) = 2x</translation>
    </message>
    <message>
      <source>mean ± std over resamples</source>
      <translation>多次重新抽样的均值 ± 标准差</translation>
    </message>
    <message>
      <source>model m(x)</source>
      <translation>模型 m(x)</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>objective (training risk + λ·penalty)</source>
      <translation>目标函数（训练风险 + λ·惩罚项）</translation>
    </message>
    <message>
      <source>own model: expected risk</source>
      <translation>自定义模型：期望风险</translation>
    </message>
    <message>
      <source>penalty weight λ (log scale)</source>
      <translation>惩罚权重 λ（对数坐标）</translation>
    </message>
    <message>
      <source>resample paths</source>
      <translation>重新抽样路径</translation>
    </message>
    <message>
      <source>risk</source>
      <translation>风险</translation>
    </message>
    <message>
      <source>sample</source>
      <translation>样本</translation>
    </message>
    <message>
      <source>sample size n (log scale)</source>
      <translation>样本量 n（对数刻度）</translation>
    </message>
    <message>
      <source>sine f(x) = sin(πx)</source>
      <translation>正弦 f(x) = sin(πx)</translation>
    </message>
    <message>
      <source>slope a₁ (other coefficients fixed)</source>
      <translation>斜率 a₁（其他系数固定）</translation>
    </message>
    <message>
      <source>squared r²</source>
      <translation>平方 r²</translation>
    </message>
    <message>
      <source>training risk</source>
      <translation>训练风险</translation>
    </message>
    <message>
      <source>training risk (mean loss on the sample)</source>
      <translation>训练风险（在样本上的平均损失）</translation>
    </message>
    <message>
      <source>true f(x)</source>
      <translation>真实 f(x)</translation>
    </message>
    <message>
      <source>your own polynomial</source>
      <translation>自定义的多项式</translation>
    </message>
    <message>
      <source>λ = 0: expected risk</source>
      <translation>λ = 0：期望风险</translation>
    </message>
    <message>
      <source>λ = 0: training risk</source>
      <translation>λ = 0：训练风险</translation>
    </message>
  </context>
</TS>
